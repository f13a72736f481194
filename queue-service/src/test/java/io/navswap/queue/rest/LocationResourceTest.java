package io.navswap.queue.rest;

import static io.navswap.queue.support.QueueApi.confirmed;
import static io.navswap.queue.support.QueueApi.latitudeNorthOfStation;
import static io.navswap.queue.support.QueueApi.location;
import static io.navswap.queue.support.QueueApi.reservation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.navswap.queue.domain.GpsLog;
import io.navswap.queue.repository.GpsLogRepository;
import io.navswap.queue.support.EventTap;
import io.navswap.queue.support.PeerStandIns;
import io.navswap.queue.support.Tokens;
import io.navswap.shared.events.Topics;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LocationResourceTest {
    private static final String PROBLEM = "https://navswap.io/problems/";

    @Inject
    GpsLogRepository logs;

    @Inject
    RedisDataSource redis;

    @Test
    void invalidFixesAreRefusedFieldByField() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("latitude", 91.0);
        bad.put("longitude", -181.0);
        bad.put("accuracy", 0);
        bad.put("speed", -1);
        bad.put("heading", 360);
        String user = "usr-t-" + Tokens.unique();
        given().header("Authorization", Tokens.consumer(user)).contentType(ContentType.JSON).body(bad)
                .post("/location/update").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "validation-failed"))
                .body("errors.field", containsInAnyOrder("latitude", "longitude", "accuracy", "speed", "heading"));
        given().header("Authorization", Tokens.consumer(user)).contentType(ContentType.JSON)
                .body(Map.of("longitude", 77.2)).post("/location/update").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("latitude"));
        given().header("Authorization", Tokens.consumer(user)).contentType(ContentType.JSON)
                .body("{\"latitude\": \"north\", \"longitude\": 77.2}").post("/location/update").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "malformed-json"))
                .body("errors.field", containsInAnyOrder("latitude"));
        given().header("Authorization", Tokens.staff("usr-s-gps")).contentType(ContentType.JSON)
                .body(Map.of("latitude", 28.6, "longitude", 77.2)).post("/location/update").then().statusCode(403);
        assertThat(logs.countByUser(user).await().indefinitely(), equalTo(0L));
    }

    @Test
    void fixWithoutReservationIsLoggedCachedAndPublished() {
        String user = "usr-t-" + Tokens.unique();
        location(user, 28.61, 77.20).then().statusCode(200)
                .body("distance_meters", nullValue())
                .body("reservation_id", nullValue())
                .body("status", nullValue())
                .body("triggered", empty())
                .body("recorded_at", notNullValue());
        assertThat(logs.countByUser(user).await().indefinitely(), equalTo(1L));
        String key = "navswap:location:last:" + user;
        assertThat(redis.value(String.class).get(key), notNullValue());
        long ttl = redis.key().ttl(key);
        assertThat(ttl, greaterThan(0L));
        assertThat(ttl, lessThanOrEqualTo(300L));
        List<JsonNode> updates = EventTap.await(Topics.LOCATION, EventTap.about("location.updated", "user_id", user), 1,
                Duration.ofSeconds(15));
        assertThat(updates, hasSize(1));
        assertThat(updates.get(0).path("subject").asText(), equalTo("user:" + user));
        assertThat(updates.get(0).path("data").path("latitude").asDouble(), closeTo(28.61, 1e-9));
    }

    @Test
    void geofenceMovesTheReservationForwardOnlyAndOnce() {
        String user = "usr-t-" + Tokens.unique();
        String station = "ST-T-GEO-" + Tokens.unique();
        String queueId = confirmed(user, station).getString("queue_id");
        double lon = PeerStandIns.STATION_LONGITUDE;

        location(user, latitudeNorthOfStation(1500), lon).then().statusCode(200)
                .body("reservation_id", equalTo(queueId))
                .body("distance_meters", closeToFloat(1500))
                .body("status", equalTo("confirmed"))
                .body("triggered", empty());
        location(user, latitudeNorthOfStation(900), lon).then().statusCode(200)
                .body("distance_meters", closeToFloat(900))
                .body("status", equalTo("approaching"))
                .body("triggered", equalTo(List.of("approaching")));
        location(user, latitudeNorthOfStation(950), lon).then().statusCode(200)
                .body("status", equalTo("approaching"))
                .body("triggered", empty());
        location(user, latitudeNorthOfStation(400), lon).then().statusCode(200)
                .body("distance_meters", closeToFloat(400))
                .body("status", equalTo("arrived"))
                .body("triggered", equalTo(List.of("arrived")));
        location(user, latitudeNorthOfStation(1500), lon).then().statusCode(200)
                .body("status", equalTo("arrived"))
                .body("triggered", empty());
        location(user, latitudeNorthOfStation(100), lon).then().statusCode(200)
                .body("status", equalTo("arrived"))
                .body("triggered", empty());

        reservation(Tokens.consumer(user), queueId).then().statusCode(200)
                .body("status", equalTo("arrived"))
                .body("approaching_at", notNullValue())
                .body("arrived_at", notNullValue());

        List<JsonNode> crossings = EventTap.await(Topics.LOCATION,
                EventTap.about("geofence.crossed", "reservation_id", queueId), 2, Duration.ofSeconds(15));
        assertThat(crossings.stream().map(e -> e.path("data").path("radius_meters").asInt()).toList(),
                equalTo(List.of(1000, 500)));
        assertThat(crossings.stream().map(e -> e.path("data").path("status").asText()).toList(),
                equalTo(List.of("approaching", "arrived")));
        assertThat(EventTap.await(Topics.SWAPS, EventTap.about("reservation.approaching", "reservation_id", queueId), 1,
                Duration.ofSeconds(10)), hasSize(1));
        assertThat(EventTap.await(Topics.SWAPS, EventTap.about("reservation.arrived", "reservation_id", queueId), 1,
                Duration.ofSeconds(10)), hasSize(1));

        List<GpsLog> userLogs = logs.find("userId", user).list().await().indefinitely();
        assertThat(userLogs, hasSize(6));
        assertThat(userLogs.stream().map(l -> l.reservationId).distinct().toList(), equalTo(List.of(queueId)));
    }

    @Test
    void jumpingStraightInsideTheInnerRingArrivesDirectly() {
        String user = "usr-t-" + Tokens.unique();
        String queueId = confirmed(user, "ST-T-JUMP-" + Tokens.unique()).getString("queue_id");
        location(user, latitudeNorthOfStation(300), PeerStandIns.STATION_LONGITUDE).then().statusCode(200)
                .body("status", equalTo("arrived"))
                .body("triggered", equalTo(List.of("arrived")));
        List<JsonNode> crossings = EventTap.await(Topics.LOCATION,
                EventTap.about("geofence.crossed", "reservation_id", queueId), 1, Duration.ofSeconds(15));
        assertThat(crossings, hasSize(1));
        assertThat(crossings.get(0).path("data").path("previous_status").asText(), equalTo("confirmed"));
    }

    private static org.hamcrest.Matcher<Float> closeToFloat(double meters) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Float value) {
                return Math.abs(value - meters) < 1.0;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("within 1 m of " + meters);
            }
        };
    }
}
