package io.navswap.queue.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.navswap.messaging.ServiceTokens;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.domain.ReservationStatus;
import io.navswap.queue.repository.ReservationRepository;
import io.navswap.queue.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QueueStatsResourceTest {
    @Inject
    ReservationRepository reservations;

    @Inject
    ServiceTokens serviceTokens;

    private static Reservation reservation(String station, ReservationStatus status) {
        Reservation r = new Reservation();
        r.id = "rsv-stats-" + Tokens.unique();
        r.userId = "usr-c-stats-" + Tokens.unique();
        r.stationId = station;
        r.status = status;
        r.activeUser = status.isLive() ? r.userId : null;
        r.confirmedAt = Instant.now();
        r.expiresAt = Instant.now().plus(Duration.ofMinutes(30));
        return r;
    }

    private static JsonPath stats(String authorization) {
        return given().header("Authorization", authorization).when().get("/queue/stats")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void statsCountLiveReservationsByStatusAndStation() {
        String admin = Tokens.admin("usr-a-stats");
        String busy = "ST-QSTATS-" + Tokens.unique();
        String quiet = "ST-QSTATS-" + Tokens.unique();
        JsonPath before = stats(admin);

        List<Reservation> batch = new ArrayList<>();
        batch.add(reservation(busy, ReservationStatus.CONFIRMED));
        batch.add(reservation(busy, ReservationStatus.CONFIRMED));
        batch.add(reservation(busy, ReservationStatus.APPROACHING));
        batch.add(reservation(busy, ReservationStatus.ARRIVED));
        batch.add(reservation(busy, ReservationStatus.IN_PROGRESS));
        // Ended reservations are not in any queue.
        batch.add(reservation(busy, ReservationStatus.COMPLETED));
        batch.add(reservation(busy, ReservationStatus.CANCELLED));
        batch.add(reservation(quiet, ReservationStatus.EXPIRED));
        batch.add(reservation(quiet, ReservationStatus.FAILED));
        reservations.mongoCollection().insertMany(batch).await().atMost(Duration.ofSeconds(10));

        JsonPath after = stats(admin);
        assertEquals(before.getLong("total_in_queue") + 5, after.getLong("total_in_queue"));
        assertEquals(before.getLong("waiting") + 4, after.getLong("waiting"));
        assertEquals(before.getLong("by_status.confirmed") + 2, after.getLong("by_status.confirmed"));
        assertEquals(before.getLong("by_status.approaching") + 1, after.getLong("by_status.approaching"));
        assertEquals(before.getLong("by_status.arrived") + 1, after.getLong("by_status.arrived"));
        assertEquals(before.getLong("by_status.in_progress") + 1, after.getLong("by_status.in_progress"));
        assertEquals(4, after.getMap("by_status").size(), "only the four live statuses");

        Map<String, Object> station = after.getMap("stations.find { it.station_id == '" + busy + "' }");
        assertEquals(5, ((Number) station.get("total")).intValue());
        assertEquals(4, ((Number) station.get("waiting")).intValue());
        assertEquals(1, ((Number) station.get("in_progress")).intValue());
        assertNull(after.get("stations.find { it.station_id == '" + quiet + "' }"), "no live reservation, no row");
    }

    @Test
    void statsAreForAdminsAndServicesOnly() {
        stats(serviceTokens.bearer());
        given().header("Authorization", Tokens.consumer("usr-c-stats")).when().get("/queue/stats")
                .then().statusCode(403);
        given().header("Authorization", Tokens.staff("usr-s-stats")).when().get("/queue/stats")
                .then().statusCode(403);
        given().when().get("/queue/stats").then().statusCode(401);
    }
}
