package io.navswap.station.rest;

import static io.navswap.station.support.Api.admin;
import static io.navswap.station.support.Api.commission;
import static io.navswap.station.support.Api.createStation;
import static io.navswap.station.support.Api.withRider;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.navswap.embedded.TestTokens;
import io.navswap.messaging.ServiceTokens;
import io.navswap.station.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatteryStatsResourceTest {
    @Inject
    ServiceTokens serviceTokens;

    private static JsonPath stats() {
        return admin().when().get("/batteries/stats").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void statsCountTheFleetByStatusPlaceAndStation() {
        // Station ids are ST-XXX-000; the test database lives as long as this JVM.
        String station = "ST-BSS-" + ThreadLocalRandom.current().nextInt(100, 1000);
        double[] spot = Api.newSpot();
        createStation(station, "Statsville", spot[0], spot[1], 10);
        JsonPath before = stats();

        String prefix = "BAT-" + station.substring(3) + "-";
        commission(prefix + "01", station, 90.0, "charged");
        commission(prefix + "02", station, 80.0, "charged");
        commission(prefix + "03", station, 70.0, "charging");
        withRider(prefix + "04", station, "usr-c-bst", 85.0);
        commission(prefix + "05", station, 60.0, "charging");
        admin().when().delete("/batteries/" + prefix + "05").then().statusCode(204);

        JsonPath after = stats();
        assertEquals(before.getLong("total") + 4, after.getLong("total"), "the retired battery is not counted");
        assertEquals(before.getLong("by_status.charged") + 2, after.getLong("by_status.charged"));
        assertEquals(before.getLong("by_status.charging") + 1, after.getLong("by_status.charging"));
        assertEquals(before.getLong("by_status.in_use") + 1, after.getLong("by_status.in_use"));
        assertEquals(List.of("charged", "charging", "in_use", "quarantined", "in_transit", "at_partner"),
                List.copyOf(after.getMap("by_status").keySet()));
        assertEquals(before.getLong("by_location_type.station") + 3, after.getLong("by_location_type.station"));
        assertEquals(before.getLong("by_location_type.rider") + 1, after.getLong("by_location_type.rider"));
        assertEquals(after.getLong("total"), after.getMap("by_status").values().stream()
                .mapToLong(v -> ((Number) v).longValue()).sum());

        Map<String, Object> mine = after.getMap("stations.find { it.station_id == '" + station + "' }");
        assertEquals(3, ((Number) mine.get("batteries")).intValue());
        assertEquals(80.0, ((Number) mine.get("avg_soh")).doubleValue(), 0.01);
    }

    @Test
    void statsAreForAdminsAndServicesOnly() {
        given().header("Authorization", serviceTokens.bearer()).when().get("/batteries/stats").then().statusCode(200);
        Api.staff().when().get("/batteries/stats").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("usr-c-bst", "consumer")).when().get("/batteries/stats")
                .then().statusCode(403);
        given().when().get("/batteries/stats").then().statusCode(401);
    }
}
