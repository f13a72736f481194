package io.navswap.station.rest;

import static io.navswap.station.support.Api.admin;
import static io.navswap.station.support.Api.commission;
import static io.navswap.station.support.Api.createStation;
import static io.navswap.station.support.Api.staff;
import static io.navswap.station.support.Api.status;
import static io.navswap.station.support.Api.withRider;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.messaging.ServiceTokens;
import io.navswap.station.repository.BatteryRepository;
import io.navswap.station.support.Api;
import io.navswap.station.support.Eventually;
import io.navswap.station.support.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatteryResourceTest {
    private static final AtomicInteger IDS = new AtomicInteger(100);

    @Inject
    BatteryRepository batteries;

    @Inject
    ServiceTokens serviceTokens;

    private static String newStation() {
        String id = "ST-TBR-" + IDS.incrementAndGet();
        double[] spot = Api.newSpot();
        createStation(id, "Batteryville", spot[0], spot[1], 10);
        return id;
    }

    private static String battery(String station, int n) {
        return String.format("BAT-%s-%02d", station.substring(3), n);
    }

    @Test
    void commissionListEditAndRetireChangeTheTotalOnlyByAdmin() {
        String station = newStation();
        long before = batteries.countActive().await().indefinitely();
        Map<String, Object> body = new HashMap<>(Map.of("battery_id", battery(station, 1), "station_id", station,
                "soh", 93.0, "cycles", 10));
        admin().body(body).when().post("/batteries").then().statusCode(201)
                .header("Location", endsWith("/batteries/" + battery(station, 1)))
                .body("status", equalTo("charging")).body("station_id", equalTo(station))
                .body("location_type", equalTo("station"));
        admin().body(body).when().post("/batteries").then().statusCode(409)
                .body("type", equalTo("https://navswap.io/problems/battery-exists"));
        commission(battery(station, 2), station, 88.0, "charged");
        assertEquals(before + 2, batteries.countActive().await().indefinitely());

        staff().queryParam("station_id", station).when().get("/batteries").then().statusCode(200)
                .body("battery_id", contains(battery(station, 1), battery(station, 2)));
        staff().queryParam("station_id", station).queryParam("status", "charged").when().get("/batteries").then()
                .body("battery_id", contains(battery(station, 2)));

        admin().body(Map.of("status", "charged", "soh", 94.5)).when().put("/batteries/" + battery(station, 1)).then()
                .statusCode(200).body("status", equalTo("charged")).body("soh", equalTo(94.5f));
        admin().body(Map.of("status", "at_partner")).when().put("/batteries/" + battery(station, 1)).then()
                .statusCode(409).body("type", equalTo("https://navswap.io/problems/invalid-transition"));
        admin().body(Map.of("location_type", "rider", "location_id", "usr-c-001")).when()
                .put("/batteries/" + battery(station, 1)).then().statusCode(400)
                .body("type", equalTo("https://navswap.io/problems/status-location-mismatch"));

        admin().when().delete("/batteries/" + battery(station, 2)).then().statusCode(204);
        admin().when().delete("/batteries/" + battery(station, 2)).then().statusCode(404);
        admin().when().get("/batteries/" + battery(station, 2)).then().statusCode(200).body("retired_at", notNullValue());
        staff().queryParam("station_id", station).when().get("/batteries").then()
                .body("battery_id", contains(battery(station, 1)));
        assertEquals(before + 1, batteries.countActive().await().indefinitely());
        Eventually.holds(() -> staff().when().get("/station/" + station).then()
                .body("charged_available", equalTo(1)).body("best_charged_soh", equalTo(94.5f)));
    }

    @Test
    void onlyAdminsChangeTheFleetAndRidersSeeNoBatteries() {
        String station = newStation();
        staff().body(Map.of("battery_id", battery(station, 1), "station_id", station, "soh", 90.0)).when()
                .post("/batteries").then().statusCode(403);
        commission(battery(station, 1), station, 90.0, "charged");
        staff().body(Map.of("soh", 10.0)).when().put("/batteries/" + battery(station, 1)).then().statusCode(403);
        staff().when().delete("/batteries/" + battery(station, 1)).then().statusCode(403);
        Api.rider().when().get("/batteries/" + battery(station, 1)).then().statusCode(403);
        given().header("Authorization", serviceTokens.bearer()).when().get("/batteries/" + battery(station, 1)).then()
                .statusCode(200).body("station_id", equalTo(station)).body("soh", equalTo(90.0f));
        admin().when().get("/batteries/BAT-NOPE-404").then().statusCode(404)
                .body("type", equalTo("https://navswap.io/problems/battery-not-found"));
    }

    @Test
    void invalidBatteryInputListsTheFields() {
        admin().body(Map.of("battery_id", "battery 1", "soh", 120.0, "cycles", -1)).when().post("/batteries").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("battery_id", "soh", "cycles"));
        admin().body(Map.of("battery_id", "BAT-TBR-X-1", "soh", 80.0)).when().post("/batteries").then()
                .statusCode(400).body("type", equalTo("https://navswap.io/problems/location-required"));
        admin().body(Map.of("battery_id", "BAT-TBR-X-1", "station_id", "ST-NONE-1", "soh", 80.0)).when()
                .post("/batteries").then().statusCode(404).body("type", equalTo("https://navswap.io/problems/station-not-found"));
        admin().body("{\"battery_id\":\"BAT-TBR-X-2\",\"station_id\":\"ST-NONE-1\",\"soh\":80,\"status\":\"melted\"}")
                .when().post("/batteries").then().statusCode(400)
                .body("type", equalTo("https://navswap.io/problems/malformed-json"));
        staff().queryParam("status", "melted").queryParam("limit", 0).when().get("/batteries").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("status", "limit"));
        staff().body(Map.of("soh", 101)).when().post("/batteries/BAT-ANY-1/telemetry").then().statusCode(400)
                .body("errors.field", contains("soh"));
    }

    @Test
    void lowSohTelemetryQuarantinesAndRecordsALevelOneFault() {
        String station = newStation();
        String id = battery(station, 1);
        commission(id, station, 90.0, "charged");
        Eventually.holds(() -> staff().when().get("/station/" + station).then().body("charged_available", equalTo(1)));
        staff().body(Map.of("soh", 72.5, "temperature_c", 41.0, "cycles", 900)).when()
                .post("/batteries/" + id + "/telemetry").then().statusCode(200)
                .body("quarantined", equalTo(true))
                .body("fault_id", notNullValue())
                .body("battery.status", equalTo("quarantined"))
                .body("battery.soh", equalTo(72.5f))
                .body("battery.cycles", equalTo(900));
        KafkaProbe.Received fault = KafkaProbe.await("navswap.faults",
                r -> ("battery:" + id).equals(r.key()) && "fault.recorded".equals(r.envelope().path("type").asText()),
                Duration.ofSeconds(20));
        assertEquals(1, fault.envelope().path("data").path("level").asInt());
        assertEquals(station, fault.envelope().path("data").path("station_id").asText());
        assertEquals(72.5, fault.envelope().path("data").path("soh").asDouble(), 1e-9);
        assertEquals(41.0, fault.envelope().path("data").path("temperature_c").asDouble(), 1e-9);
        assertEquals("station-service", fault.envelope().path("source").asText());
        KafkaProbe.await("navswap.jobs", r -> ("station:" + station).equals(r.key())
                && "inventory.changed".equals(r.envelope().path("type").asText())
                && r.envelope().path("data").path("counts_by_status").path("quarantined").asInt() == 1
                && r.envelope().path("data").path("reason").asText().contains("telemetry-quarantine"),
                Duration.ofSeconds(20));

        // Already quarantined: a second bad report records nothing new.
        staff().body(Map.of("soh", 70.0)).when().post("/batteries/" + id + "/telemetry").then().statusCode(200)
                .body("quarantined", equalTo(false)).body("fault_id", nullValue());
        List<KafkaProbe.Received> faults = KafkaProbe.all("navswap.faults",
                r -> ("battery:" + id).equals(r.key()) && "fault.recorded".equals(r.envelope().path("type").asText()),
                Duration.ofSeconds(2));
        assertEquals(1, faults.size(), "one fault per quarantine");
    }

    @Test
    void faultFlagQuarantinesAHealthyBatteryAndServiceMayReport() {
        String station = newStation();
        String id = battery(station, 1);
        commission(id, station, 95.0, "charging");
        given().header("Authorization", serviceTokens.bearer()).contentType("application/json")
                .body(Map.of("soh", 95.0, "fault_flag", true)).when().post("/batteries/" + id + "/telemetry").then()
                .statusCode(200).body("quarantined", equalTo(true));
        assertEquals("quarantined", status(id));
    }

    @Test
    void healthyTelemetryOnlyUpdatesTheBattery() {
        String station = newStation();
        String id = battery(station, 1);
        commission(id, station, 91.0, "charged");
        staff().body(Map.of("soh", 89.0)).when().post("/batteries/" + id + "/telemetry").then().statusCode(200)
                .body("quarantined", equalTo(false)).body("battery.status", equalTo("charged"));
        Eventually.holds(() -> staff().when().get("/station/" + station).then().body("best_charged_soh", equalTo(89.0f)));
    }

    @Test
    void aRidersFaultyBatteryIsFlaggedAndQuarantinedWhenHandedBack() {
        String station = newStation();
        String riding = battery(station, 90);
        withRider(riding, station, "usr-c-021", 88.0);
        commission(battery(station, 1), station, 93.0, "charged");
        staff().body(Map.of("soh", 88.0, "fault_flag", true)).when().post("/batteries/" + riding + "/telemetry").then()
                .statusCode(200).body("quarantined", equalTo(false)).body("fault_id", notNullValue())
                .body("battery.status", equalTo("in_use")).body("battery.fault_flagged", equalTo(true));
        Map<String, Object> swap = new HashMap<>();
        swap.put("swap_id", "SWP-" + station + "-FLAG");
        swap.put("station_id", station);
        swap.put("new_battery_id", battery(station, 1));
        swap.put("old_battery_id", riding);
        swap.put("old_battery_soh", 88.0);
        swap.put("faulty", false);
        staff().body(swap).when().post("/batteries/exchange").then().statusCode(200)
                .body("old_battery_status", equalTo("quarantined")).body("quarantined", equalTo(true));
        admin().when().get("/batteries/" + riding).then().body("fault_flagged", equalTo(false));
        List<KafkaProbe.Received> faults = KafkaProbe.all("navswap.faults",
                r -> ("battery:" + riding).equals(r.key()) && "fault.recorded".equals(r.envelope().path("type").asText()),
                Duration.ofSeconds(2));
        assertEquals(1, faults.size(), "the fault was recorded once, when it was reported");
        assertTrue(faults.get(0).envelope().path("data").path("reason").asText().contains("quarantine on return"));
    }
}
