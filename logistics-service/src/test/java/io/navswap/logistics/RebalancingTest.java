package io.navswap.logistics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.embedded.TestTokens;
import io.navswap.logistics.domain.JobOrigin;
import io.navswap.logistics.domain.JobPriority;
import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.domain.Place;
import io.navswap.logistics.domain.PlaceType;
import io.navswap.logistics.domain.StationSnapshot;
import io.navswap.logistics.domain.TransportJob;
import io.navswap.logistics.repository.StationSnapshotRepository;
import io.navswap.logistics.repository.TransportJobRepository;
import io.navswap.logistics.service.Caller;
import io.navswap.logistics.service.JobDraft;
import io.navswap.logistics.service.JobService;
import io.navswap.logistics.support.Events;
import io.navswap.logistics.support.Poll;
import io.navswap.logistics.support.StandIn;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.InventoryChanged;
import io.navswap.shared.events.Subjects;
import io.navswap.shared.events.Topics;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs appear by themselves from {@code inventory.changed}. Each test works in its own patch of the map (more
 * than the 60 km source radius from the others) with its own station ids, so tests never see each other's
 * surplus stations or shops.
 */
@QuarkusTest
class RebalancingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper mapper;
    @Inject
    TransportJobRepository jobs;
    @Inject
    StationSnapshotRepository snapshots;
    @Inject
    ReactiveMongoClient mongo;
    @Inject
    JobService jobService;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Events events;

    @BeforeEach
    void setUp() {
        events = new Events(bootstrap, mapper);
        StandIn.ai(true);
        StandIn.stationService(true);
    }

    @Test
    void shortageCreatesExactlyOneJobDespiteRedeliveryAndRepeatedShortage() {
        StandIn.station("RB1-DST", 41.00, 1.00, 20);
        StandIn.station("RB1-SRC", 41.05, 1.05, 20);
        inventory("RB1-SRC", 20, 18, 2, 0);
        awaitSnapshot("RB1-SRC");

        String first = inventoryEnvelope("RB1-DST", 20, 2, 10, 8);
        String again = inventoryEnvelope("RB1-DST", 20, 1, 11, 8);
        events.send(Topics.JOBS, Subjects.station("RB1-DST"), first, first, again);
        awaitLastEvent("RB1-DST", again);

        List<TransportJob> live = liveJobsTo("RB1-DST");
        assertEquals(1, live.size(), "one live job for one shortage: " + live);
        TransportJob job = live.get(0);
        assertEquals("RB1-SRC", job.sourceId);
        assertEquals(JobStatus.OPEN, job.status);
        assertTrue(job.plannedBy.startsWith("ai:onnx"), job.plannedBy);
        // AI stock order: up to 50 % of 20 = 10 charged; surplus at the source = 18 - 10 = 8.
        assertEquals(8, job.batteryCount);
        assertEquals("shortage:RB1-DST", job.openKey);

        List<JsonNode> published = events.read(Topics.JOBS, Subjects.job(job.id),
                found -> Events.types(found).contains(EventTypes.JOB_CREATED), WAIT);
        JsonNode created = published.get(0);
        assertEquals(EventTypes.JOB_CREATED, created.path("type").asText());
        assertEquals("logistics-service", created.path("source").asText());
        assertEquals("RB1-SRC", created.path("data").path("source_id").asText());
        assertEquals("station", created.path("data").path("destination_type").asText());
        assertEquals(8, created.path("data").path("battery_count").asInt());
        assertEquals(job.credits, created.path("data").path("credits").asDouble(), 0.001);
    }

    @Test
    void aiServiceDownStillCreatesJobByHeuristics() {
        StandIn.station("RB2-DST", 43.00, 3.00, 20);
        StandIn.station("RB2-NEAR", 43.02, 3.02, 20);
        StandIn.station("RB2-FULL", 43.20, 3.20, 20);
        inventory("RB2-NEAR", 20, 13, 7, 0);
        inventory("RB2-FULL", 20, 20, 0, 0);
        awaitSnapshot("RB2-NEAR");
        awaitSnapshot("RB2-FULL");
        StandIn.ai(false);
        try {
            int before = StandIn.calls("stock-order");
            String event = inventoryEnvelope("RB2-DST", 20, 1, 11, 8);
            events.send(Topics.JOBS, Subjects.station("RB2-DST"), event);
            List<TransportJob> live = Poll.until(() -> liveJobsTo("RB2-DST"), l -> !l.isEmpty(), WAIT);

            assertEquals(1, live.size());
            TransportJob job = live.get(0);
            assertTrue(StandIn.calls("stock-order") > before, "ai-service was asked first");
            assertEquals("heuristic", job.plannedBy);
            // Equalise inventory: the fullest station gives, not the nearest the model would pick.
            assertEquals("RB2-FULL", job.sourceId);
            // Reorder at 20 %: top up to 50 % of 20 = 10 charged.
            assertEquals(9, job.batteryCount);
        } finally {
            StandIn.ai(true);
        }
    }

    @Test
    void stockOrderModelCanAskForBatteriesAboveTheThreshold() {
        StandIn.station("RB3-DST", 45.00, 5.00, 20);
        StandIn.station("RB3-SRC", 45.03, 5.03, 20);
        inventory("RB3-SRC", 20, 19, 1, 0);
        awaitSnapshot("RB3-SRC");
        // 5 of 20 charged is 25 %: above the 20 % rule, below the model's 30 %.
        events.send(Topics.JOBS, Subjects.station("RB3-DST"), inventoryEnvelope("RB3-DST", 20, 5, 7, 8));
        List<TransportJob> live = Poll.until(() -> liveJobsTo("RB3-DST"), l -> !l.isEmpty(), WAIT);
        assertEquals(1, live.size());
        assertEquals(5, live.get(0).batteryCount);
    }

    @Test
    void stationAboveThresholdGetsNoJob() {
        StandIn.station("RB4-DST", 47.00, 7.00, 20);
        String event = inventoryEnvelope("RB4-DST", 20, 12, 4, 4);
        events.send(Topics.JOBS, Subjects.station("RB4-DST"), event);
        awaitLastEvent("RB4-DST", event);
        assertTrue(liveJobsTo("RB4-DST").isEmpty());
    }

    @Test
    void shortageWithoutSurplusStationIsServedFromPartnerShop() {
        StandIn.station("RB5-DST", 49.00, 9.00, 20);
        StandIn.shop("RB5-SHOP-NEAR", 49.01, 9.01, 40, 3);
        StandIn.shop("RB5-SHOP-BIG", 49.10, 9.10, 40, 30);
        events.send(Topics.JOBS, Subjects.station("RB5-DST"), inventoryEnvelope("RB5-DST", 20, 0, 12, 8));
        List<TransportJob> live = Poll.until(() -> liveJobsTo("RB5-DST"), l -> !l.isEmpty(), WAIT);
        assertEquals(1, live.size());
        TransportJob job = live.get(0);
        assertEquals("PARTNER_SHOP", job.sourceType.name());
        // Collecting is "nearest shop with stock" (the allocation model only parks batteries): all 3 it has.
        assertEquals("RB5-SHOP-NEAR", job.sourceId);
        assertEquals(3, job.batteryCount);
        assertTrue(job.reason.contains("ai:onnx"), "the stock-order model sized the need: " + job.reason);
        assertEquals(io.navswap.logistics.domain.JobPriority.HIGH, job.priority);
    }

    @Test
    void overflowGoesToPartnerShopWithRoomAndUsesLastShopListWhenStationServiceIsDown() {
        StandIn.station("RB6-OVER", 51.00, 11.00, 20);
        StandIn.shop("RB6-SHOP-FULL", 51.01, 11.01, 10, 10);
        StandIn.shop("RB6-SHOP-ROOM", 51.05, 11.05, 40, 5);
        // 14 charged + 9 charging = 23 on site for 20 slots: 3 over.
        events.send(Topics.JOBS, Subjects.station("RB6-OVER"), inventoryEnvelope("RB6-OVER", 20, 14, 9, 0));
        List<TransportJob> live = Poll.until(() -> liveJobsFrom("RB6-OVER"), l -> !l.isEmpty(), WAIT);
        assertEquals(1, live.size());
        TransportJob job = live.get(0);
        assertEquals("RB6-SHOP-ROOM", job.destinationId);
        assertTrue(job.plannedBy.startsWith("ai:onnx"), "the partner-allocation model placed them: " + job.plannedBy);
        assertEquals(3, job.batteryCount);
        assertEquals("overflow:RB6-OVER", job.openKey);

        // station-service goes away: a second overflow elsewhere is still placed from the last list fetched.
        StandIn.station("RB6-OVER2", 51.02, 11.02, 20);
        String located = inventoryEnvelope("RB6-OVER2", 20, 16, 4, 0);
        events.send(Topics.JOBS, Subjects.station("RB6-OVER2"), located);
        awaitLastEvent("RB6-OVER2", located);
        assertTrue(liveJobsFrom("RB6-OVER2").isEmpty(), "exactly at capacity is no overflow");
        StandIn.stationService(false);
        try {
            events.send(Topics.JOBS, Subjects.station("RB6-OVER2"), inventoryEnvelope("RB6-OVER2", 20, 16, 7, 0));
            List<TransportJob> second = Poll.until(() -> liveJobsFrom("RB6-OVER2"), l -> !l.isEmpty(), WAIT);
            assertEquals(1, second.size());
            assertEquals("RB6-SHOP-ROOM", second.get(0).destinationId);
        } finally {
            StandIn.stationService(true);
        }
    }

    @Test
    void adminCreatesAndCancelsJobsAndOthersCannot() {
        StandIn.station("RB7-A", 53.00, 13.00, 20);
        StandIn.station("RB7-B", 53.04, 13.04, 20);
        String admin = TestTokens.bearer("usr-a-rb7", "admin");
        String jobId = given().header("Authorization", admin).contentType("application/json")
                .body(Map.of("source_type", "station", "source_id", "RB7-A", "destination_type", "station",
                        "destination_id", "RB7-B", "battery_count", 4, "priority", "urgent", "notes", "test"))
                .post("/transport/jobs").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/transport/job/JOB-"))
                .body("status", org.hamcrest.Matchers.equalTo("open"))
                .body("origin", org.hamcrest.Matchers.equalTo("manual"))
                .body("priority", org.hamcrest.Matchers.equalTo("urgent"))
                .body("source.type", org.hamcrest.Matchers.equalTo("station"))
                .body("battery_count", org.hamcrest.Matchers.equalTo(4))
                .extract().path("job_id");

        given().header("Authorization", admin).contentType("application/json").body(Map.of("reason", "not needed"))
                .post("/transport/job/" + jobId + "/cancel").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("cancelled"))
                .body("cancel_reason", org.hamcrest.Matchers.equalTo("not needed"));
        given().header("Authorization", TestTokens.bearer("tr-rb7", "transporter")).contentType("application/json")
                .body(Map.of("job_id", jobId)).post("/transport/job/accept").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/job-not-open"));
        given().header("Authorization", TestTokens.bearer("tr-rb7", "transporter")).contentType("application/json")
                .post("/transport/job/" + jobId + "/cancel").then().statusCode(403);

        List<JsonNode> published = events.read(Topics.JOBS, Subjects.job(jobId),
                found -> Events.types(found).contains(EventTypes.JOB_CANCELLED), WAIT);
        assertEquals(List.of(EventTypes.JOB_CREATED, EventTypes.JOB_CANCELLED), Events.types(published));
    }

    @Test
    void concurrentPlansForOneShortageCreateOneJobAndAFinishedJobFreesTheKey() {
        Place from = new Place(PlaceType.STATION, "RB8-A", "A", 55.00, 15.00);
        Place to = new Place(PlaceType.STATION, "RB8-B", "B", 55.05, 15.00);
        JobDraft draft = new JobDraft(JobOrigin.REBALANCING, JobPriority.NORMAL, from, to, 2,
                JobDraft.shortageKey("RB8-B"), "test", "heuristic", "test", null);
        List<Uni<Optional<TransportJob>>> attempts = IntStream.range(0, 8)
                .mapToObj(i -> jobService.create(draft).map(Optional::ofNullable)).toList();
        List<Optional<TransportJob>> results = Uni.join().all(attempts).andFailFast().await().indefinitely();
        List<TransportJob> created = results.stream().flatMap(Optional::stream).toList();
        assertEquals(1, created.size(), "the unique open key lets one of eight concurrent creations through");

        jobService.cancel(new Caller("usr-a-rb8", true), created.get(0).id, "stock recovered").await().indefinitely();
        TransportJob again = jobService.create(draft).await().indefinitely();
        assertNotNull(again, "a cancelled job no longer holds the shortage key");
    }

    private void inventory(String stationId, int capacity, int charged, int charging, int inUse) {
        events.send(Topics.JOBS, Subjects.station(stationId),
                inventoryEnvelope(stationId, capacity, charged, charging, inUse));
    }

    private String inventoryEnvelope(String stationId, int capacity, int charged, int charging, int inUse) {
        return events.envelope(Events.newId(), EventTypes.INVENTORY_CHANGED, "station-service",
                Subjects.station(stationId), new InventoryChanged(stationId, capacity,
                        Events.counts(charged, charging, inUse), "test", Instant.now()));
    }

    private void awaitSnapshot(String stationId) {
        StationSnapshot snapshot = Poll.until(() -> snapshots.findById(stationId).await().indefinitely(),
                s -> s != null && s.countsAt != null && s.located(), WAIT);
        assertNotNull(snapshot, "inventory of " + stationId + " was not consumed");
    }

    /** Waits until the consumer has fully handled the event (it marks the event id after applying it). */
    private void awaitLastEvent(String stationId, String envelope) {
        String id;
        try {
            id = "logistics-inventory:" + mapper.readTree(envelope).path("event_id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Document mark = Poll.until(() -> mongo.getDatabase("navswap_logistics").getCollection("processed_events")
                .find(new Document("_id", id)).collect().first().await().indefinitely(), m -> m != null, WAIT);
        assertNotNull(mark, "inventory event of " + stationId + " was not handled");
    }

    private List<TransportJob> liveJobsTo(String stationId) {
        return jobs.list("destinationId = ?1 and status in ?2", stationId,
                List.of("OPEN", "ACCEPTED", "PICKED_UP")).await().indefinitely();
    }

    private List<TransportJob> liveJobsFrom(String stationId) {
        return jobs.list("sourceId = ?1 and status in ?2", stationId,
                List.of("OPEN", "ACCEPTED", "PICKED_UP")).await().indefinitely();
    }
}
