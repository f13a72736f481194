package io.navswap.logistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.embedded.TestTokens;
import io.navswap.logistics.domain.TransportJob;
import io.navswap.logistics.repository.StationSnapshotRepository;
import io.navswap.logistics.repository.TransportJobRepository;
import io.navswap.logistics.service.JobSweeper;
import io.navswap.logistics.support.Events;
import io.navswap.logistics.support.Poll;
import io.navswap.logistics.support.StandIn;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.Subjects;
import io.navswap.shared.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transporter marketplace over HTTP with real tokens: accept races, slots, holders, states, credits. */
@QuarkusTest
class MarketplaceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ADMIN = TestTokens.bearer("usr-a-mkt", "admin");

    @Inject
    ObjectMapper mapper;
    @Inject
    TransportJobRepository jobs;
    @Inject
    JobSweeper sweeper;
    @Inject
    StationSnapshotRepository snapshots;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Events events;

    @BeforeEach
    void setUp() {
        events = new Events(bootstrap, mapper);
        StandIn.ai(true);
        StandIn.stationService(true);
        // Two stations about 11.1 km apart (0.1° of latitude), far from every other test's patch.
        StandIn.station("MK-A", 61.00, 20.00, 20);
        StandIn.station("MK-B", 61.10, 20.00, 20);
        StandIn.station("MK-FAR", 63.00, 20.00, 20);
    }

    @Test
    void tenTransportersAcceptingOneJobAtOnceGiveOneWinner() throws Exception {
        String jobId = createJob("MK-A", "MK-B", 3);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 1; i <= 10; i++) {
                String token = TestTokens.bearer("tr-race-" + i, "transporter");
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.send(HttpRequest.newBuilder(URI.create(base() + "/transport/job/accept"))
                            .header("Authorization", token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"job_id\":\"" + jobId + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            int won = 0;
            int taken = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 200) {
                    won++;
                } else if (response.statusCode() == 409 && response.body().contains("/job-already-taken")) {
                    taken++;
                }
            }
            assertEquals(1, won, "exactly one winner");
            assertEquals(9, taken, "nine job-already-taken");
        } finally {
            pool.shutdownNow();
        }
        TransportJob job = jobs.findById(jobId).await().indefinitely();
        assertTrue(job.transporterId.startsWith("tr-race-"));
        // The losers' slots were given back: each can still take two other jobs.
        String loser = job.transporterId.equals("tr-race-1") ? "tr-race-2" : "tr-race-1";
        accept(loser, createJob("MK-A", "MK-B", 1)).statusCode(200);
        accept(loser, createJob("MK-A", "MK-B", 1)).statusCode(200);
    }

    @Test
    void thirdActiveJobIsRefusedUntilOneIsDelivered() {
        String transporter = "tr-three";
        String first = createJob("MK-A", "MK-B", 2);
        accept(transporter, first).statusCode(200).body("status", equalTo("accepted"));
        accept(transporter, createJob("MK-A", "MK-B", 2)).statusCode(200);
        String third = createJob("MK-A", "MK-B", 2);
        accept(transporter, third).statusCode(409).body("type", endsWith("/too-many-active-jobs"));

        as(transporter).post("/transport/job/" + first + "/pickup").then().statusCode(200);
        as(transporter).post("/transport/job/" + first + "/complete").then().statusCode(200);
        accept(transporter, third).statusCode(200);
    }

    @Test
    void onlyTheAssignedTransporterMovesAJobAndOnlyForward() {
        String jobId = createJob("MK-A", "MK-B", 2);
        as("tr-owner").post("/transport/job/" + jobId + "/pickup").then().statusCode(403)
                .body("type", endsWith("/not-job-holder"));
        accept("tr-owner", jobId).statusCode(200);
        accept("tr-owner", jobId).statusCode(200).body("transporter_id", equalTo("tr-owner"));
        accept("tr-thief", jobId).statusCode(409).body("type", endsWith("/job-already-taken"));

        as("tr-thief").post("/transport/job/" + jobId + "/pickup").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        as("tr-owner").post("/transport/job/" + jobId + "/complete").then().statusCode(409)
                .body("type", endsWith("/invalid-job-state"));
        as("tr-owner").contentType(ContentType.JSON).body(Map.of("battery_ids", List.of("MK-X1", "MK-X2")))
                .post("/transport/job/" + jobId + "/pickup").then().statusCode(200)
                .body("status", equalTo("picked_up")).body("battery_ids", contains("MK-X1", "MK-X2"));
        as("tr-thief").post("/transport/job/" + jobId + "/complete").then().statusCode(403);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).post("/transport/job/" + jobId + "/cancel").then().statusCode(409)
                .body("type", endsWith("/job-not-cancellable"));
        as("tr-owner").get("/transport/job/" + jobId).then().statusCode(200);
        as("tr-thief").get("/transport/job/" + jobId).then().statusCode(403);
    }

    @Test
    void deliveryBooksEarningsOnceAndEmitsEveryStep() {
        String transporter = "tr-earner";
        String jobId = createJob("MK-A", "MK-B", 3);
        TransportJob created = jobs.findById(jobId).await().indefinitely();
        accept(transporter, jobId).statusCode(200);
        // No battery ids: logistics asks station-service for the best charged ones at the source.
        as(transporter).post("/transport/job/" + jobId + "/pickup").then().statusCode(200)
                .body("battery_ids", contains("MK-A-BAT-1", "MK-A-BAT-2", "MK-A-BAT-3"));
        double expected = Math.round((10 + created.distanceKm * 3 * 2) * 100) / 100.0;
        as(transporter).post("/transport/job/" + jobId + "/complete").then().statusCode(200)
                .body("status", equalTo("delivered")).body("earned_credits", equalTo((float) expected));
        as(transporter).post("/transport/job/" + jobId + "/complete").then().statusCode(200)
                .body("status", equalTo("delivered"));

        List<JsonNode> published = events.read(Topics.JOBS, Subjects.job(jobId),
                found -> Events.types(found).contains(EventTypes.JOB_DELIVERED), WAIT);
        assertEquals(List.of(EventTypes.JOB_CREATED, EventTypes.JOB_ACCEPTED, EventTypes.JOB_PICKED_UP,
                EventTypes.JOB_DELIVERED), Events.types(published));
        JsonNode delivered = published.get(3).path("data");
        assertEquals("delivered", delivered.path("status").asText());
        assertEquals(transporter, delivered.path("transporter_id").asText());
        assertEquals(3, delivered.path("battery_ids").size());
        assertEquals("MK-B", delivered.path("destination_id").asText());
        assertEquals(expected, delivered.path("credits").asDouble(), 0.001);

        // The job.delivered consumer books too; once it has seen the event there is still one entry.
        awaitConsumed(Subjects.job(jobId));
        as(transporter).get("/credits/" + transporter).then().statusCode(200)
                .body("entry_count", equalTo(1)).body("balance", equalTo((float) expected))
                .body("entries[0].kind", equalTo("transport_earnings"))
                .body("entries[0].reference_id", equalTo(jobId))
                .body("entries[0].source_key", equalTo("job.delivered:" + jobId));
        as(transporter).get("/transport/history/" + transporter).then().statusCode(200)
                .body("total_earnings", equalTo((float) expected)).body("delivered_jobs", equalTo(1))
                .body("active_jobs", equalTo(0)).body("jobs.job_id", hasItem(jobId));
    }

    @Test
    void pickupWithoutNamedBatteriesLeavesTheChoiceToStationServiceWhenItCannotList() {
        StandIn.shop("MK-SHOP", 61.02, 20.00, 40, 12);
        String fromShop = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("source_type", "partner_shop", "source_id", "MK-SHOP", "destination_type", "station",
                        "destination_id", "MK-B", "battery_count", 4))
                .post("/transport/jobs").then().statusCode(201)
                .body("source.type", equalTo("partner_shop")).extract().path("job_id");
        accept("tr-counter", fromShop).statusCode(200);
        as("tr-counter").body("{}").post("/transport/job/" + fromShop + "/pickup").then().statusCode(200)
                .body("status", equalTo("picked_up")).body("battery_ids.size()", equalTo(0))
                .body("battery_count", equalTo(4));
        List<JsonNode> published = events.read(Topics.JOBS, Subjects.job(fromShop),
                found -> Events.types(found).contains(EventTypes.JOB_PICKED_UP), WAIT);
        JsonNode pickedUp = published.get(published.size() - 1).path("data");
        assertEquals("partner_shop", pickedUp.path("source_type").asText());
        assertEquals(4, pickedUp.path("battery_count").asInt());
        assertEquals(0, pickedUp.path("battery_ids").size());

        String fromStation = createJob("MK-A", "MK-B", 2);
        accept("tr-counter", fromStation).statusCode(200);
        StandIn.stationService(false);
        try {
            as("tr-counter").post("/transport/job/" + fromStation + "/pickup").then().statusCode(200)
                    .body("battery_ids.size()", equalTo(0)).body("battery_count", equalTo(2));
        } finally {
            StandIn.stationService(true);
        }
    }

    @Test
    void bodilessPostsWithoutContentTypeArePickupsAndCancellationsWithoutDetails() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String jobId = createJob("MK-A", "MK-B", 2);
        accept("tr-bare", jobId).statusCode(200);
        // What `curl -X POST` sends: no body, no Content-Type.
        HttpResponse<String> pickedUp = client.send(HttpRequest.newBuilder(URI.create(base() + "/transport/job/" + jobId
                + "/pickup")).header("Authorization", TestTokens.bearer("tr-bare", "transporter"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, pickedUp.statusCode(), pickedUp.body());
        JsonNode job = new ObjectMapper().readTree(pickedUp.body());
        assertEquals("picked_up", job.path("status").asText());
        assertEquals(2, job.path("battery_count").asInt());
        // The same rules as with a body: only the holder picks up, and only once.
        HttpResponse<String> notHolder = client.send(HttpRequest.newBuilder(URI.create(base() + "/transport/job/" + jobId
                + "/pickup")).header("Authorization", TestTokens.bearer("tr-other", "transporter"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, notHolder.statusCode(), notHolder.body());
        // A body in another format is refused, not silently ignored.
        String other = createJob("MK-A", "MK-B", 1);
        accept("tr-bare", other).statusCode(200);
        given().header("Authorization", TestTokens.bearer("tr-bare", "transporter")).contentType(ContentType.TEXT)
                .body("BAT-1").post("/transport/job/" + other + "/pickup").then().statusCode(415)
                .body("type", endsWith("/unsupported-media-type"));

        HttpResponse<String> cancelled = client.send(HttpRequest.newBuilder(URI.create(base() + "/transport/job/" + other
                + "/cancel")).header("Authorization", ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("cancelled", new ObjectMapper().readTree(cancelled.body()).path("status").asText());
    }

    @Test
    void namedBatteriesMustBeDistinctAndNoMoreThanPlanned() {
        String jobId = createJob("MK-A", "MK-B", 2);
        accept("tr-scanner", jobId).statusCode(200);
        as("tr-scanner").body(Map.of("battery_ids", List.of("BAT-1", "BAT-1")))
                .post("/transport/job/" + jobId + "/pickup").then().statusCode(400)
                .body("type", endsWith("/duplicate-battery-ids"));
        as("tr-scanner").body(Map.of("battery_ids", List.of("BAT-1", "BAT-2", "BAT-3")))
                .post("/transport/job/" + jobId + "/pickup").then().statusCode(400)
                .body("type", endsWith("/too-many-batteries"));
        as("tr-scanner").body(Map.of("battery_ids", List.of("BAT 1")))
                .post("/transport/job/" + jobId + "/pickup").then().statusCode(400)
                .body("errors[0].field", startsWith("battery_ids"));
        // One battery fewer than planned: the job and its credits follow what was picked up.
        as("tr-scanner").body(Map.of("battery_ids", List.of("BAT-1")))
                .post("/transport/job/" + jobId + "/pickup").then().statusCode(200)
                .body("battery_count", equalTo(1));
    }

    @Test
    void historyIsForItsOwnerAndAdmins() {
        as("tr-hist-a").get("/transport/history/tr-hist-a").then().statusCode(200)
                .body("transporter_id", equalTo("tr-hist-a"));
        as("tr-hist-b").get("/transport/history/tr-hist-a").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", ADMIN).get("/transport/history/tr-hist-a").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("usr-c-001", "consumer"))
                .get("/transport/history/tr-hist-a").then().statusCode(403);
    }

    @Test
    void availableJobsAreNearTheTransporterAndBestPaidFirst() {
        String shortHaul = createJob("MK-A", "MK-B", 1);
        String bigLoad = createJob("MK-A", "MK-B", 8);
        String far = createJob("MK-FAR", "MK-B", 8);
        List<String> listed = as("tr-looker").queryParam("latitude", 61.0).queryParam("longitude", 20.0)
                .queryParam("radius_km", 25).get("/transport/jobs/available").then().statusCode(200)
                .body("job_id", not(hasItem(far)))
                .body("find { it.job_id == '" + bigLoad + "' }.distance_to_pickup_km", equalTo(0.0f))
                .extract().path("job_id");
        assertTrue(listed.indexOf(bigLoad) < listed.indexOf(shortHaul), "8 batteries pay more per km: " + listed);
    }

    @Test
    void acceptedJobNotPickedUpInTimeGoesBackToTheMarket() {
        String jobId = createJob("MK-A", "MK-B", 2);
        accept("tr-slow", jobId).statusCode(200);
        sweeper.releaseOverdue(Instant.now().plus(Duration.ofMinutes(31))).await().indefinitely();
        as("tr-slow").get("/transport/job/" + jobId).then().statusCode(200)
                .body("status", equalTo("open")).body("transporter_id", nullValue())
                .body("release_count", equalTo(1));
        accept("tr-quick", jobId).statusCode(200);
        List<JsonNode> published = events.read(Topics.JOBS, Subjects.job(jobId),
                found -> Events.types(found).size() >= 4, WAIT);
        assertEquals(List.of(EventTypes.JOB_CREATED, EventTypes.JOB_ACCEPTED, EventTypes.JOB_RELEASED,
                EventTypes.JOB_ACCEPTED), Events.types(published));
        assertEquals("tr-slow", published.get(2).path("data").path("transporter_id").asText());
        // The slow transporter's slot was freed with the release.
        accept("tr-slow", createJob("MK-A", "MK-B", 1)).statusCode(200);
        accept("tr-slow", createJob("MK-A", "MK-B", 1)).statusCode(200);
    }

    @Test
    void badInputIsA400ProblemListingTheFields() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("battery_count", 0))
                .post("/transport/jobs").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/validation-failed"))
                .body("errors.field", containsInAnyOrder("battery_count", "destination_id", "destination_type",
                        "source_id", "source_type"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"source_type\":\"garage\",\"source_id\":\"MK-A\"}")
                .post("/transport/jobs").then().statusCode(400).body("type", endsWith("/malformed-json"))
                .body("errors.field", hasItem("source_type"));
        as("tr-bad").queryParam("latitude", 200).queryParam("longitude", 20).get("/transport/jobs/available")
                .then().statusCode(400).body("errors.field", contains("latitude"));
        as("tr-bad").queryParam("longitude", 20).queryParam("radius_km", 1000).get("/transport/jobs/available")
                .then().statusCode(400).body("errors.field", hasItem("latitude"));
        as("tr-bad").queryParam("latitude", 61).queryParam("longitude", 20).queryParam("radius_km", 1000)
                .get("/transport/jobs/available").then().statusCode(400).body("errors.field", contains("radius_km"));
        as("tr-bad").contentType(ContentType.JSON).body(Map.of()).post("/transport/job/accept").then().statusCode(400)
                .body("errors.field", contains("job_id"));
        as("tr-bad").contentType(ContentType.JSON).body(Map.of("job_id", "JOB-DOES-NOT-EXIST"))
                .post("/transport/job/accept").then().statusCode(404).body("type", endsWith("/job-not-found"));
        given().header("Authorization", ADMIN).queryParam("status", "lost").get("/transport/jobs").then()
                .statusCode(400).body("errors.field", contains("status"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("source_type", "station", "source_id", "MK-A", "destination_type", "partner_shop",
                        "destination_id", "PS-NOWHERE-01", "battery_count", 2))
                .post("/transport/jobs").then().statusCode(404).body("type", endsWith("/place-not-found"));
        given().contentType(ContentType.JSON).body(Map.of("job_id", "JOB-X")).post("/transport/job/accept").then()
                .statusCode(401);
        given().header("Authorization", TestTokens.bearer("usr-c-002", "consumer")).contentType(ContentType.JSON)
                .body(Map.of("job_id", "JOB-X")).post("/transport/job/accept").then().statusCode(403);
    }

    @Test
    void summaryCountsJobsForDashboards() {
        createJob("MK-A", "MK-B", 1);
        given().header("Authorization", ADMIN).get("/transport/summary").then().statusCode(200)
                .body("jobs_by_status.open", org.hamcrest.Matchers.greaterThan(0));
        given().header("Authorization", ADMIN).queryParam("status", "open").queryParam("size", 5)
                .get("/transport/jobs").then().statusCode(200).body("size", equalTo(5))
                .body("jobs.status", org.hamcrest.Matchers.everyItem(equalTo("open")));
    }

    // ---- helpers ----

    private String createJob(String from, String to, int batteries) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("source_type", "station", "source_id", from, "destination_type", "station",
                        "destination_id", to, "battery_count", batteries))
                .post("/transport/jobs").then().statusCode(201).extract().path("job_id");
    }

    private ValidatableResponse accept(String transporter, String jobId) {
        return as(transporter).contentType(ContentType.JSON).body(Map.of("job_id", jobId))
                .post("/transport/job/accept").then();
    }

    /** Requests as a transporter app sends them: JSON, even for a POST without a body. */
    private static io.restassured.specification.RequestSpecification as(String transporter) {
        return given().header("Authorization", TestTokens.bearer(transporter, "transporter"))
                .contentType(ContentType.JSON);
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    /**
     * Waits until the consumer of navswap.jobs has passed the events keyed {@code key}: a marker inventory event
     * with the same key (so the same partition, consumed in order) must be applied first.
     */
    private void awaitConsumed(String key) {
        String marker = "MK-MARKER-" + Events.newId().substring(0, 8);
        events.send(Topics.JOBS, key, events.envelope(Events.newId(), EventTypes.INVENTORY_CHANGED, "test", key,
                new io.navswap.shared.events.InventoryChanged(marker, 0, Events.counts(0, 0, 0), "marker",
                        Instant.now())));
        Object snapshot = Poll.until(() -> snapshots.findById(marker).await().indefinitely(), s -> s != null, WAIT);
        assertTrue(snapshot != null, "marker not consumed");
    }
}
