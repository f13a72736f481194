package io.navswap.logistics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.embedded.TestTokens;
import io.navswap.logistics.domain.JobOrigin;
import io.navswap.logistics.domain.JobPriority;
import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.domain.PlaceType;
import io.navswap.logistics.domain.StationSnapshot;
import io.navswap.logistics.domain.TransportJob;
import io.navswap.logistics.repository.StationSnapshotRepository;
import io.navswap.logistics.repository.TransportJobRepository;
import io.navswap.messaging.ServiceTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /transport/overview}: shortages from the read model, live jobs per state, latest deliveries. */
@QuarkusTest
class LogisticsOverviewTest {
    private static final String ADMIN = TestTokens.bearer("usr-a-ovw", "admin");

    @Inject
    StationSnapshotRepository snapshots;
    @Inject
    TransportJobRepository jobs;
    @Inject
    ServiceTokens serviceTokens;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static StationSnapshot snapshot(String id, int capacity, int charged, boolean active) {
        StationSnapshot s = new StationSnapshot();
        s.id = id;
        s.capacity = capacity;
        s.counts = Map.of("charged", charged, "charging", 3);
        s.countsAt = Instant.now();
        s.name = "Overview " + id;
        s.city = "Testpur";
        s.active = active;
        return s;
    }

    private static TransportJob job(JobStatus status, String destination, String openKey, Instant createdAt) {
        Instant now = Instant.now();
        TransportJob j = new TransportJob();
        j.id = unique("JOB-OVW");
        j.status = status;
        j.origin = openKey == null ? JobOrigin.MANUAL : JobOrigin.REBALANCING;
        j.priority = JobPriority.HIGH;
        j.sourceType = PlaceType.STATION;
        j.sourceId = unique("OVW-SRC");
        j.destinationType = PlaceType.STATION;
        j.destinationId = destination;
        j.batteryCount = 4;
        j.distanceKm = 5.0;
        j.credits = 50.0;
        j.openKey = openKey;
        j.transporterId = status == JobStatus.OPEN ? null : "usr-t-ovw";
        j.createdAt = createdAt;
        j.openedAt = now;
        j.acceptedAt = status == JobStatus.OPEN ? null : now;
        j.pickedUpAt = status == JobStatus.PICKED_UP || status == JobStatus.DELIVERED ? now : null;
        j.updatedAt = now;
        return j;
    }

    private static JsonPath overview(int limit) {
        return given().header("Authorization", ADMIN).queryParam("limit", limit).when().get("/transport/overview")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void overviewListsShortStationsWithTheirJobLiveJobsAndLatestDeliveries() {
        String covered = unique("OVW-SHORT");
        String uncovered = unique("OVW-SHORT");
        String fine = unique("OVW-FINE");
        String closed = unique("OVW-CLOSED");
        snapshots.mongoCollection().insertMany(List.of(snapshot(covered, 20, 2, true), snapshot(uncovered, 10, 1, true),
                snapshot(fine, 10, 5, true), snapshot(closed, 10, 0, false))).await().atMost(Duration.ofSeconds(10));
        JsonPath before = overview(50);

        // Created long ago, so that "oldest first" puts them at the top of each list.
        Instant old = Instant.parse("2020-01-01T00:00:00Z");
        TransportJob shortageJob = job(JobStatus.OPEN, covered, "shortage:" + covered, old);
        TransportJob accepted = job(JobStatus.ACCEPTED, fine, null, old.plusSeconds(1));
        TransportJob pickedUp = job(JobStatus.PICKED_UP, fine, null, old.plusSeconds(2));
        TransportJob deliveredEarlier = job(JobStatus.DELIVERED, fine, null, old);
        deliveredEarlier.deliveredAt = Instant.now().plusSeconds(5);
        deliveredEarlier.earnedCredits = 50.0;
        TransportJob deliveredLatest = job(JobStatus.DELIVERED, fine, null, old);
        deliveredLatest.deliveredAt = Instant.now().plusSeconds(10);
        deliveredLatest.earnedCredits = 50.0;
        jobs.mongoCollection().insertMany(List.of(shortageJob, accepted, pickedUp, deliveredEarlier, deliveredLatest))
                .await().atMost(Duration.ofSeconds(10));

        JsonPath after = overview(50);
        assertEquals(0.2, after.getDouble("low_stock_ratio"), 1e-9);
        Map<String, Object> coveredRow = after.getMap("shortages.find { it.station_id == '" + covered + "' }");
        assertEquals(2, ((Number) coveredRow.get("charged")).intValue());
        assertEquals(20, ((Number) coveredRow.get("capacity")).intValue());
        assertEquals(4.0, ((Number) coveredRow.get("threshold")).doubleValue(), 1e-9);
        assertEquals(shortageJob.id, after.getString("shortages.find { it.station_id == '" + covered + "' }.job.job_id"));
        assertEquals("open", after.getString("shortages.find { it.station_id == '" + covered + "' }.job.status"));
        Map<String, Object> uncoveredRow = after.getMap("shortages.find { it.station_id == '" + uncovered + "' }");
        assertTrue(uncoveredRow.containsKey("job"));
        assertNull(uncoveredRow.get("job"), "no job under way for this shortage");
        assertNull(after.get("shortages.find { it.station_id == '" + fine + "' }"), "5 of 10 is not short");
        assertNull(after.get("shortages.find { it.station_id == '" + closed + "' }"), "an inactive station is not short");

        assertEquals(List.of("open", "accepted", "picked_up"), List.copyOf(after.getMap("live_jobs").keySet()));
        assertEquals(shortageJob.id, after.getString("live_jobs.open[0].job_id"));
        assertEquals(accepted.id, after.getString("live_jobs.accepted[0].job_id"));
        assertEquals(pickedUp.id, after.getString("live_jobs.picked_up[0].job_id"));
        assertEquals(deliveredLatest.id, after.getString("recent_deliveries[0].job_id"));
        assertEquals(deliveredEarlier.id, after.getString("recent_deliveries[1].job_id"));
        assertEquals(before.getLong("delivered_today") + 2, after.getLong("delivered_today"));

        JsonPath one = overview(1);
        assertEquals(1, one.getList("recent_deliveries").size());
        assertEquals(1, one.getList("live_jobs.open").size());
    }

    @Test
    void overviewIsForAdminsAndServicesOnlyAndBoundsTheLimit() {
        given().header("Authorization", serviceTokens.bearer()).when().get("/transport/overview").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("usr-t-ovw", "transporter")).when().get("/transport/overview")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("usr-c-ovw", "consumer")).when().get("/transport/overview")
                .then().statusCode(403);
        given().header("Authorization", ADMIN).queryParam("limit", 51).when().get("/transport/overview")
                .then().statusCode(400);
        given().header("Authorization", ADMIN).queryParam("limit", 0).when().get("/transport/overview")
                .then().statusCode(400);
    }
}
