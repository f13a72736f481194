package io.navswap.e2e;

import static io.navswap.e2e.Flow.assertProblem;
import static io.navswap.e2e.Flow.assertValidation;
import static io.navswap.e2e.Flow.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: bad input on every endpoint of the swap flow is a 4xx {@code application/problem+json} with a stable
 * type, a detail and, for validation, the fields in {@code errors} — and nothing is written. Riders 11-13,
 * ST-BLR-003 with staff 11, admin2 (and one charged battery of ST-BLR-004, only read).
 */
class FlowBadInputE2ETest {
    private static final String STATION = "ST-BLR-003";
    private static final String ELSEWHERE = "ST-BLR-004";
    private static final int STAFF = 11;
    private static final int RIDER = 12;
    private static final int MOVING_RIDER = 13;
    private static final int SWAPPING_RIDER = 11;
    private static final int ADMIN = 2;

    private static Response malformed(RequestSpecification spec, String method,
            String path) {
        return spec.contentType(ContentType.JSON).body("{\"station_id\": ").request(method, path);
    }

    @Test
    void stationSearchAndRecommendRefuseBadInput() {
        assertValidation(Flow.rider(RIDER).queryParam("latitude", 91).queryParam("longitude", 500)
                .queryParam("max_distance_km", 0).queryParam("battery_soh_min", 101).queryParam("limit", 0)
                .get("/station/nearest"), "latitude", "longitude", "max_distance_km", "battery_soh_min", "limit");
        assertValidation(Flow.rider(RIDER).queryParam("longitude", 77.2).get("/station/nearest"), "latitude");
        assertValidation(Flow.rider(RIDER).queryParam("latitude", "north").queryParam("longitude", 77.2)
                .get("/station/nearest"), "latitude");
        assertValidation(Flow.rider(RIDER).queryParam("city", "x".repeat(65)).get("/station/list"), "city");
        assertValidation(json(Flow.rider(RIDER), Map.of("latitude", 100, "longitude", 0, "battery_soh_min", -1,
                "max_distance_km", 0)).post("/recommend"), "latitude", "battery_soh_min", "max_distance_km");
        assertValidation(json(Flow.rider(RIDER), Map.of()).post("/recommend/optimal"), "latitude", "longitude");
        assertProblem(malformed(Flow.rider(RIDER), "POST", "/recommend"), 400, "malformed-json");
        assertProblem(json(Flow.rider(RIDER), Map.of("latitude", "north", "longitude", 0)).post("/recommend"), 400,
                "malformed-json");
        assertProblem(Flow.rider(RIDER).get("/station/ST-ZZZ-404"), 404, "station-not-found");
        assertProblem(Flow.rider(RIDER).get("/station/ST-ZZZ-404/status"), 404, "station-not-found");
    }

    @Test
    void stationAndBatteryAdministrationRefuseBadInputAndWriteNothing() {
        Map<String, Object> station = Flow.admin(ADMIN).get("/station/" + STATION).then().statusCode(200)
                .extract().path("");
        String battery = (String) Flow.bestCharged(Flow.staff(STAFF), STATION, 0).get("battery_id");
        Map<String, Object> batteryBefore = Flow.battery(Flow.staff(STAFF), battery);

        assertValidation(json(Flow.admin(ADMIN), Map.of("station_id", "ST-ZZZ-001", "name", "", "city", "Pune",
                "latitude", 100, "longitude", 73.8, "capacity", 0)).post("/station"), "name", "latitude", "capacity");
        assertProblem(Flow.admin(ADMIN).get("/station/ST-ZZZ-001"), 404, "station-not-found");
        assertValidation(json(Flow.admin(ADMIN), Map.of("capacity", 0, "name", " ")).put("/station/" + STATION),
                "capacity", "name");
        assertProblem(malformed(Flow.admin(ADMIN), "PUT", "/station/" + STATION), 400, "malformed-json");
        Map<String, Object> stationAfter = Flow.admin(ADMIN).get("/station/" + STATION).path("");
        assertEquals(station.get("capacity"), stationAfter.get("capacity"));
        assertEquals(station.get("name"), stationAfter.get("name"));

        assertValidation(Flow.staff(STAFF).queryParam("station_id", STATION).queryParam("status", "broken")
                .get("/batteries"), "status");
        assertValidation(Flow.staff(STAFF).queryParam("limit", 0).get("/batteries"), "limit");
        assertProblem(Flow.staff(STAFF).get("/batteries/BAT-ZZZ-404-01"), 404, "battery-not-found");
        assertValidation(json(Flow.admin(ADMIN), Map.of("battery_id", "BAT-ZZZ-001-01", "station_id", STATION,
                "soh", 150)).post("/batteries"), "soh");
        assertProblem(Flow.admin(ADMIN).get("/batteries/BAT-ZZZ-001-01"), 404, "battery-not-found");
        assertValidation(json(Flow.staff(STAFF), Map.of("soh", -5, "temperature_c", 500, "cycles", -1))
                .post("/batteries/" + battery + "/telemetry"), "soh", "temperature_c", "cycles");
        assertValidation(json(Flow.admin(ADMIN), Map.of("soh", 101)).put("/batteries/" + battery), "soh");
        assertValidation(json(Flow.staff(STAFF), Map.of("swap_id", "", "station_id", STATION,
                "old_battery_id", Flow.riderBattery(RIDER), "new_battery_id", "not a battery", "min_soh", 200))
                .post("/batteries/exchange"), "swap_id", "new_battery_id", "min_soh");
        assertProblem(malformed(Flow.staff(STAFF), "POST", "/batteries/exchange"), 400, "malformed-json");

        Map<String, Object> batteryAfter = Flow.battery(Flow.staff(STAFF), battery);
        assertEquals(batteryBefore.get("version"), batteryAfter.get("version"));
        assertEquals("charged", batteryAfter.get("status"));
        assertEquals(batteryBefore.get("soh"), batteryAfter.get("soh"));
        assertEquals("in_use", Flow.battery(Flow.staff(STAFF), Flow.riderBattery(RIDER)).get("status"));
    }

    @Test
    void queueAndQrRefuseBadInputAndNoReservationIsWritten() {
        Map<String, Object> badLocation = new HashMap<>();
        badLocation.put("station_id", STATION);
        badLocation.put("battery_soh_min", 120);
        badLocation.put("current_location", Map.of("latitude", 95, "longitude", 0));
        assertValidation(json(Flow.rider(RIDER), badLocation).post("/queue/confirm"),
                "battery_soh_min", "current_location.latitude");
        assertValidation(json(Flow.rider(RIDER), Map.of()).post("/queue/confirm"), "station_id");
        assertValidation(json(Flow.rider(RIDER), Map.of("station_id", "ST BLR 003!")).post("/queue/confirm"),
                "station_id");
        assertProblem(malformed(Flow.rider(RIDER), "POST", "/queue/confirm"), 400, "malformed-json");
        Response wrongType = json(Flow.rider(RIDER), Map.of("station_id", STATION, "battery_soh_min", "lots"))
                .post("/queue/confirm");
        assertProblem(wrongType, 400, "malformed-json");
        assertEquals("battery_soh_min", wrongType.path("errors[0].field"), wrongType::asString);
        Flow.assertClientProblem(Flow.rider(RIDER).contentType(ContentType.JSON).post("/queue/confirm"));
        assertProblem(json(Flow.rider(RIDER), Map.of("station_id", "ST-ZZZ-404")).post("/queue/confirm"), 404,
                "station-not-found");
        // a minimum no charged battery there meets
        assertProblem(json(Flow.rider(RIDER), Map.of("station_id", STATION, "battery_soh_min", 100))
                .post("/queue/confirm"), 409, "no-suitable-battery");
        // none of the refused confirms left a reservation behind
        assertProblem(Flow.rider(RIDER).get("/queue/active"), 404, "no-active-reservation");
        Response queue = Flow.staff(STAFF).get("/queue/status/" + STATION);
        assertEquals(200, queue.statusCode(), queue::asString);
        assertEquals(0, ((List<?>) queue.path("entries.user_id")).stream()
                .filter(Flow.riderId(RIDER)::equals).count());

        assertValidation(Flow.rider(RIDER).get("/queue/status/ST-BLR-003!"), "station_id");
        assertValidation(Flow.rider(RIDER).get("/queue/available-slots/ST-BLR-003!"), "station_id");
        assertProblem(Flow.rider(RIDER).get("/queue/rsv-does-not-exist"), 404, "reservation-not-found");
        assertProblem(Flow.rider(RIDER).post("/queue/rsv-does-not-exist/cancel"), 404, "reservation-not-found");
        assertProblem(Flow.rider(RIDER).post("/queue/rsv-does-not-exist/qr"), 404, "reservation-not-found");
        assertValidation(Flow.rider(RIDER).get("/queue/rsv!does!not!exist"), "queue_id");

        assertValidation(json(Flow.staff(STAFF), Map.of()).post("/qr/verify"), "qr_token", "station_id");
        assertValidation(json(Flow.staff(STAFF), Map.of("qr_token", "x".repeat(3000), "station_id", STATION))
                .post("/qr/verify"), "qr_token");
        assertProblem(malformed(Flow.staff(STAFF), "POST", "/qr/verify"), 400, "malformed-json");
        assertProblem(json(Flow.staff(STAFF), Map.of("qr_token", "a.b", "station_id", STATION)).post("/qr/verify"),
                400, "qr-invalid-signature");
        assertProblem(Flow.rider(RIDER).get("/qr/generate-image/garbage"), 400, "qr-invalid-signature");
    }

    @Test
    void locationUpdatesRefuseBadFixesAndMoveNothing() {
        Response confirmed = json(Flow.rider(MOVING_RIDER), Map.of("station_id", STATION)).post("/queue/confirm");
        assertEquals(201, confirmed.statusCode(), confirmed::asString);
        String queueId = confirmed.path("queue_id");
        Map<String, Object> inside = new HashMap<>(Flow.northOf(Flow.station(STATION), 300));

        Map<String, Object> bad = new HashMap<>(inside);
        bad.put("accuracy", 0);
        bad.put("speed", -1);
        bad.put("heading", 360);
        assertValidation(json(Flow.rider(MOVING_RIDER), bad).post("/location/update"), "accuracy", "speed",
                "heading");
        assertValidation(json(Flow.rider(MOVING_RIDER), Map.of("latitude", 91, "longitude", 181))
                .post("/location/update"), "latitude", "longitude");
        assertValidation(json(Flow.rider(MOVING_RIDER), Map.of()).post("/location/update"), "latitude", "longitude");
        assertProblem(malformed(Flow.rider(MOVING_RIDER), "POST", "/location/update"), 400, "malformed-json");
        // the fix 300 m from the station was refused, so the reservation did not move
        assertEquals("confirmed", Flow.rider(MOVING_RIDER).get("/queue/" + queueId).path("status"));

        Response good = json(Flow.rider(MOVING_RIDER), inside).post("/location/update");
        assertEquals(200, good.statusCode(), good::asString);
        assertEquals("arrived", good.path("status"));
        Flow.rider(MOVING_RIDER).post("/queue/" + queueId + "/cancel").then().statusCode(200);
    }

    @Test
    void swapEndpointsRefuseBadInputAndTheSwapStaysAsItWas() {
        assertValidation(json(Flow.staff(STAFF), Map.of()).put("/swap/SWP-E2E-BAD-1/start"),
                "reservation_id", "user_id", "station_id", "staff_id");
        assertValidation(json(Flow.admin(ADMIN), Map.of("reservation_id", "rsv-e2e-bad", "user_id",
                Flow.riderId(RIDER), "station_id", STATION, "staff_id", Flow.staffId(STAFF), "battery_soh_min", 150))
                .put("/swap/SWP-E2E-BAD-1/start"), "battery_soh_min");
        assertProblem(malformed(Flow.admin(ADMIN), "PUT", "/swap/SWP-E2E-BAD-1/start"), 400, "malformed-json");
        assertProblem(Flow.admin(ADMIN).get("/swap/SWP-E2E-BAD-1"), 404, "swap-not-found");
        assertValidation(Flow.rider(RIDER).queryParam("page", -1).queryParam("size", 0)
                .get("/swap/user/" + Flow.riderId(RIDER)), "page", "size");
        assertProblem(Flow.rider(RIDER).get("/swap/SWP-E2E-NOPE"), 404, "swap-not-found");

        // a real swap in progress, then every kind of bad completion
        String swapId = Flow.swapInProgress(SWAPPING_RIDER, STAFF, STATION).swapId();
        Map<String, Integer> inventory = Flow.inventory(Flow.staff(STAFF), STATION);
        String oldBattery = Flow.riderBattery(SWAPPING_RIDER);
        String newBattery = (String) Flow.bestCharged(Flow.staff(STAFF), STATION, 0).get("battery_id");

        assertValidation(json(Flow.staff(STAFF), Map.of()).post("/swap/complete"),
                "swap_id", "old_battery_id", "new_battery_id", "faulty", "swap_duration_seconds");
        assertValidation(json(Flow.staff(STAFF), Map.of("swap_id", swapId, "old_battery_id", oldBattery,
                "new_battery_id", newBattery, "old_battery_soh", 101, "faulty", false, "swap_duration_seconds", 0,
                "notes", "n".repeat(501))).post("/swap/complete"),
                "old_battery_soh", "swap_duration_seconds", "notes");
        Response same = json(Flow.staff(STAFF), Map.of("swap_id", swapId, "old_battery_id", oldBattery,
                "new_battery_id", oldBattery, "faulty", false, "swap_duration_seconds", 100)).post("/swap/complete");
        assertProblem(same, 400, "validation-failed");
        assertProblem(malformed(Flow.staff(STAFF), "POST", "/swap/complete"), 400, "malformed-json");
        assertProblem(json(Flow.staff(STAFF), Map.of("swap_id", swapId, "old_battery_id", oldBattery,
                "new_battery_id", newBattery, "faulty", "maybe", "swap_duration_seconds", 100))
                .post("/swap/complete"), 400, "malformed-json");
        assertProblem(json(Flow.staff(STAFF), Map.of("swap_id", "SWP-E2E-NOPE", "old_battery_id", oldBattery,
                "new_battery_id", newBattery, "faulty", false, "swap_duration_seconds", 100))
                .post("/swap/complete"), 404, "swap-not-found");
        // business refusals write nothing either: a battery of another station, an unknown battery
        String elsewhere = (String) Flow.bestCharged(Flow.admin(ADMIN), ELSEWHERE, 0).get("battery_id");
        assertProblem(json(Flow.staff(STAFF), Map.of("swap_id", swapId, "old_battery_id", oldBattery,
                "new_battery_id", elsewhere, "faulty", false, "swap_duration_seconds", 100))
                .post("/swap/complete"), 409, "battery-wrong-station");
        assertProblem(json(Flow.staff(STAFF), Map.of("swap_id", swapId, "old_battery_id", oldBattery,
                "new_battery_id", "BAT-ZZZ-404-01", "faulty", false, "swap_duration_seconds", 100))
                .post("/swap/complete"), 404, "battery-not-found");

        Response still = Flow.staff(STAFF).get("/swap/" + swapId);
        assertEquals("started", still.path("status"), still::asString);
        assertEquals(inventory, Flow.inventory(Flow.staff(STAFF), STATION));
        assertEquals("charged", Flow.battery(Flow.staff(STAFF), newBattery).get("status"));
        assertEquals("charged", Flow.battery(Flow.admin(ADMIN), elsewhere).get("status"));
        assertEquals("in_use", Flow.battery(Flow.staff(STAFF), oldBattery).get("status"));

        // and the good completion still goes through
        Response done = json(Flow.staff(STAFF), Map.of("swap_id", swapId, "old_battery_id", oldBattery,
                "new_battery_id", newBattery, "old_battery_soh", 80.0, "faulty", false, "swap_duration_seconds", 100))
                .post("/swap/complete");
        assertEquals(200, done.statusCode(), done::asString);
    }
}
