package io.navswap.swap.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.navswap.embedded.TestTokens;
import io.navswap.messaging.ServiceTokens;
import io.navswap.swap.domain.Swap;
import io.navswap.swap.domain.SwapStatus;
import io.navswap.swap.repository.SwapRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SwapStatsResourceTest {
    private static final String ADMIN = TestTokens.bearer("usr-a-stats", "admin");

    @Inject
    SwapRepository swaps;

    @Inject
    ServiceTokens serviceTokens;

    private static Swap swap(String station, SwapStatus status, Instant startedAt, Instant completedAt) {
        Swap swap = new Swap();
        swap.id = "SWP-STATS-" + UUID.randomUUID();
        swap.reservationId = "RES-" + swap.id;
        swap.userId = "usr-c-stats";
        swap.stationId = station;
        swap.staffId = "usr-s-stats";
        swap.status = status;
        swap.startedAt = startedAt;
        swap.completedAt = completedAt;
        return swap;
    }

    private static JsonPath stats(int hours) {
        return given().header("Authorization", ADMIN).queryParam("hours", hours)
                .when().get("/swap/stats").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void statsCountActiveSwapsCompletionsPerHourAndPerStation() {
        String station = "ST-STATS-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        JsonPath before = stats(24);

        Instant oneHourAgo = now.minus(1, ChronoUnit.HOURS);
        List<Swap> batch = List.of(
                swap(station, SwapStatus.STARTED, now.minusSeconds(60), null),
                swap(station, SwapStatus.STARTED, now.minusSeconds(120), null),
                swap(station, SwapStatus.COMPLETED, oneHourAgo.minusSeconds(300), oneHourAgo),
                swap(station, SwapStatus.COMPLETED, now.minus(3, ChronoUnit.HOURS), now.minus(3, ChronoUnit.HOURS)),
                // Outside a 24 h window, inside a 48 h one.
                swap(station, SwapStatus.COMPLETED, now.minus(30, ChronoUnit.HOURS), now.minus(30, ChronoUnit.HOURS)),
                swap(station, SwapStatus.FAILED, now.minusSeconds(600), null));
        swaps.mongoCollection().insertMany(batch).await().atMost(Duration.ofSeconds(10));

        JsonPath after = stats(24);
        assertEquals(before.getLong("active_swaps") + 2, after.getLong("active_swaps"));
        assertEquals(24, after.getInt("window_hours"));
        List<Map<String, Object>> hours = after.getList("swaps_per_hour");
        assertEquals(24, hours.size());
        assertEquals(before.getLong("completed_in_window") + 2, after.getLong("completed_in_window"));
        assertEquals(after.getLong("completed_in_window"),
                hours.stream().mapToLong(h -> ((Number) h.get("completed")).longValue()).sum());
        // The last bucket is the current hour; each hour is a whole UTC hour, oldest first.
        assertEquals(now.truncatedTo(ChronoUnit.HOURS).toString(), Instant.parse((String) hours.get(23).get("hour_start")).toString());
        String threeHoursAgo = now.minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).toString();
        long beforeBucket = bucket(before, threeHoursAgo);
        assertEquals(beforeBucket + 1, bucket(after, threeHoursAgo));

        Map<String, Object> mine = after.getMap("stations.find { it.station_id == '" + station + "' }");
        assertEquals(2, ((Number) mine.get("active_swaps")).intValue());
        assertEquals(2, ((Number) mine.get("completed_in_window")).intValue());

        JsonPath twoDays = stats(48);
        Map<String, Object> mineTwoDays = twoDays.getMap("stations.find { it.station_id == '" + station + "' }");
        assertEquals(3, ((Number) mineTwoDays.get("completed_in_window")).intValue());
        assertEquals(48, twoDays.getList("swaps_per_hour").size());
    }

    private static long bucket(JsonPath stats, String hourStart) {
        List<Map<String, Object>> hours = stats.getList("swaps_per_hour");
        return hours.stream().filter(h -> Instant.parse((String) h.get("hour_start")).toString().equals(hourStart))
                .mapToLong(h -> ((Number) h.get("completed")).longValue()).findFirst().orElse(-1);
    }

    @Test
    void completedTodayCountsFromMidnightUtc() {
        Instant now = Instant.now();
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        JsonPath before = stats(1);
        String station = "ST-STATS-DAY-" + UUID.randomUUID().toString().substring(0, 8);
        swaps.mongoCollection().insertMany(List.of(
                swap(station, SwapStatus.COMPLETED, midnight.plusSeconds(1), midnight.plusSeconds(1)),
                swap(station, SwapStatus.COMPLETED, midnight.minusSeconds(1), midnight.minusSeconds(1))))
                .await().atMost(Duration.ofSeconds(10));
        JsonPath after = stats(1);
        assertEquals(before.getLong("completed_today") + 1, after.getLong("completed_today"));
        assertEquals(midnight, Instant.parse(after.getString("today_starts_at")));
        assertEquals(1, after.getList("swaps_per_hour").size());
    }

    @Test
    void statsAreForAdminsAndServicesOnly() {
        given().header("Authorization", serviceTokens.bearer()).when().get("/swap/stats").then().statusCode(200)
                .body("window_hours", equalTo(24));
        given().header("Authorization", TestTokens.bearer("usr-c-stats", "consumer")).when().get("/swap/stats")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("usr-s-stats", "staff")).when().get("/swap/stats")
                .then().statusCode(403);
        given().when().get("/swap/stats").then().statusCode(401);
    }

    @Test
    void windowOutsideOneToOneHundredSixtyEightHoursIsA400NamingTheField() {
        for (String hours : List.of("0", "169", "abc", "-1")) {
            given().header("Authorization", ADMIN).queryParam("hours", hours).when().get("/swap/stats")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItem("hours"));
        }
    }
}
