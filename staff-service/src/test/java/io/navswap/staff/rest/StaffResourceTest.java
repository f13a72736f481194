package io.navswap.staff.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.navswap.embedded.TestTokens;
import io.navswap.staff.StandIns;
import io.navswap.staff.repository.AssignmentRepository;
import io.navswap.staff.service.MaintenanceJobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffResourceTest {
    static final String ADMIN = TestTokens.bearer("usr-a-001", "admin");

    @Inject
    AssignmentRepository assignmentRepository;

    @Inject
    MaintenanceJobs jobs;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String shift(String staffId, String stationId, Instant start, Instant end) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("staff_id", staffId, "station_id", stationId, "starts_at", start.toString(),
                        "ends_at", end.toString(), "reason", "test shift"))
                .when().post("/staff/assignments")
                .then().statusCode(201).body("kind", equalTo("regular")).body("status", equalTo("active"))
                .extract().path("id");
    }

    static String shiftNow(String staffId, String stationId) {
        Instant now = Instant.now();
        return shift(staffId, stationId, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(8)));
    }

    static boolean onDuty(String stationId, String staffId) {
        return given().header("Authorization", ADMIN)
                .queryParam("station_id", stationId).queryParam("staff_id", staffId)
                .when().get("/staff/on-duty")
                .then().statusCode(200).body("station_id", equalTo(stationId)).body("staff_id", equalTo(staffId))
                .extract().path("on_duty");
    }

    static JsonPath divert(List<String> staffIds, String from, String to, int minutes, int expectedStatus) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("staff_ids", staffIds, "from_station_id", from, "to_station_id", to,
                        "reason", "queue building up", "duration_minutes", minutes, "priority", "high"))
                .when().post("/staff/diversion")
                .then().statusCode(expectedStatus).extract().jsonPath();
    }

    @Test
    void onDutyIsTrueOnlyAtTheShiftsStationAndOnlyWithinItsWindow() {
        String staff = unique("stf-duty");
        String station = unique("ST-DUTY");
        shiftNow(staff, station);
        Instant later = Instant.now().plus(Duration.ofDays(2));
        shift(staff, station, later, later.plus(Duration.ofHours(4)));

        assertTrue(onDuty(station, staff));
        assertFalse(onDuty(unique("ST-ELSEWHERE"), staff));
        assertFalse(onDuty(station, unique("stf-nobody")));

        given().header("Authorization", TestTokens.bearer(staff, "staff"))
                .queryParam("station_id", station).queryParam("staff_id", staff)
                .when().get("/staff/on-duty").then().statusCode(200).body("on_duty", equalTo(true))
                .body("kind", equalTo("regular"));
        given().header("Authorization", TestTokens.bearer(staff, "staff"))
                .when().get("/staff/station/" + station)
                .then().statusCode(200).body("on_duty_count", equalTo(1))
                .body("on_duty[0].staff_id", equalTo(staff));
    }

    @Test
    void overlappingShiftOfOnePersonIsRefused() {
        String staff = unique("stf-overlap");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        shift(staff, unique("ST-OV"), now, now.plus(Duration.ofHours(8)));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("staff_id", staff, "station_id", unique("ST-OV2"),
                        "starts_at", now.plus(Duration.ofHours(7)).toString(),
                        "ends_at", now.plus(Duration.ofHours(12)).toString()))
                .when().post("/staff/assignments")
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://navswap.io/problems/assignment-overlap"));
        // Back to back is not an overlap: windows are half-open.
        shift(staff, unique("ST-OV3"), now.plus(Duration.ofHours(8)), now.plus(Duration.ofHours(12)));
    }

    @Test
    void shiftWindowMustBeValid() {
        Instant now = Instant.now();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("staff_id", unique("stf-win"), "station_id", "ST-X",
                        "starts_at", now.plus(Duration.ofHours(2)).toString(), "ends_at", now.toString()))
                .when().post("/staff/assignments")
                .then().statusCode(400).body("type", equalTo("https://navswap.io/problems/invalid-shift-window"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("station_id", ""))
                .when().post("/staff/assignments")
                .then().statusCode(400).body("type", equalTo("https://navswap.io/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder("staff_id", "station_id", "starts_at", "ends_at"));
    }

    @Test
    void endingAnAssignmentTakesThePersonOffDutyNow() {
        String staff = unique("stf-end");
        String station = unique("ST-END");
        String id = shiftNow(staff, station);
        assertTrue(onDuty(station, staff));

        given().header("Authorization", ADMIN).when().post("/staff/assignments/" + id + "/end")
                .then().statusCode(200).body("status", equalTo("ended")).body("in_force", equalTo(false));
        assertFalse(onDuty(station, staff));
        given().header("Authorization", ADMIN).when().post("/staff/assignments/" + id + "/end")
                .then().statusCode(409).body("type", equalTo("https://navswap.io/problems/assignment-not-active"));
        given().header("Authorization", ADMIN).when().post("/staff/assignments/ASG-missing/end")
                .then().statusCode(404);
    }

    @Test
    void staffReadOnlyTheirOwnAssignments() {
        String staff = unique("stf-self");
        shiftNow(staff, unique("ST-SELF"));
        given().header("Authorization", TestTokens.bearer(staff, "staff"))
                .when().get("/staff/assignments/" + staff)
                .then().statusCode(200).body("items", hasSize(1)).body("total", equalTo(1))
                .body("items[0].in_force", equalTo(true));
        given().header("Authorization", TestTokens.bearer(unique("stf-other"), "staff"))
                .when().get("/staff/assignments/" + staff)
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().header("Authorization", TestTokens.bearer(unique("stf-other"), "staff"))
                .queryParam("station_id", "ST-X").queryParam("staff_id", staff)
                .when().get("/staff/on-duty").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("usr-c-001", "consumer"))
                .when().get("/staff/station/ST-X").then().statusCode(403);
        given().when().get("/staff/station/ST-X").then().statusCode(401);
    }

    @Test
    void onDutyNeedsBothParameters() {
        given().header("Authorization", ADMIN).queryParam("station_id", "ST-X")
                .when().get("/staff/on-duty")
                .then().statusCode(400).body("errors.field", hasItem("staff_id"));
    }

    @Test
    void diversionMovesStaffForItsDurationAndBringsThemBack() {
        String a = unique("ST-DIVA");
        String b = unique("ST-DIVB");
        String staff = unique("stf-div");
        String stays = unique("stf-stay");
        shiftNow(staff, a);
        shiftNow(stays, a);

        JsonPath diversion = divert(List.of(staff), a, b, 30, 201);
        String diversionId = diversion.getString("diversion_id");
        assertEquals("active", diversion.getString("status"));
        assertEquals(List.of(staff), diversion.getList("staff_ids"));

        assertFalse(onDuty(a, staff), "diverted away from the home station");
        assertTrue(onDuty(b, staff), "on duty at the target");
        assertTrue(onDuty(a, stays));
        given().header("Authorization", ADMIN).when().get("/staff/station/" + a)
                .then().statusCode(200).body("on_duty.staff_id", equalTo(List.of(stays)))
                .body("diverted_away[0].staff_id", equalTo(staff))
                .body("diverted_away[0].to_station_id", equalTo(b));
        given().header("Authorization", ADMIN).when().get("/staff/station/" + b)
                .then().statusCode(200).body("on_duty[0].staff_id", equalTo(staff))
                .body("on_duty[0].kind", equalTo("diversion")).body("on_duty[0].diverted_from", equalTo(a));
        // Someone already diverted cannot be diverted again until it ends.
        divert(List.of(staff), b, a, 30, 409);

        // Time passes: the diversion window lies in the past now.
        Instant now = Instant.now();
        assignmentRepository.mongoCollection().updateMany(Filters.eq("diversionId", diversionId), Updates.combine(
                Updates.set("startsAt", Date.from(now.minus(Duration.ofMinutes(40)))),
                Updates.set("endsAt", Date.from(now.minus(Duration.ofMinutes(10)))))).await().indefinitely();
        assertTrue(onDuty(a, staff), "back at the home station after the duration");
        assertFalse(onDuty(b, staff));

        given().header("Authorization", ADMIN).queryParam("status", "completed").queryParam("size", 100)
                .when().get("/staff/diversions")
                .then().statusCode(200).body("items.diversion_id", hasItem(diversionId));
        given().header("Authorization", ADMIN).queryParam("status", "active").queryParam("size", 100)
                .when().get("/staff/diversions")
                .then().statusCode(200).body("items.diversion_id", not(hasItem(diversionId)));

        jobs.completeFinishedAssignments().await().indefinitely();
        given().header("Authorization", TestTokens.bearer(staff, "staff"))
                .when().get("/staff/assignments/" + staff)
                .then().statusCode(200)
                .body("items.find { it.kind == 'diversion' }.status", equalTo("completed"));
    }

    @Test
    void diversionOfSomeoneNotOnDutyAtTheSourceIsRefusedAndNobodyMoves() {
        String a = unique("ST-NODA");
        String b = unique("ST-NODB");
        String onDutyHere = unique("stf-here");
        String elsewhere = unique("stf-elsewhere");
        shiftNow(onDutyHere, a);
        shiftNow(elsewhere, unique("ST-OTHER"));

        JsonPath problem = divert(List.of(onDutyHere, elsewhere), a, b, 60, 409);
        assertEquals("https://navswap.io/problems/staff-not-on-duty", problem.getString("type"));
        assertTrue(problem.getString("detail").contains(elsewhere));
        assertFalse(problem.getString("detail").contains(onDutyHere + ","));

        assertTrue(onDuty(a, onDutyHere));
        assertFalse(onDuty(b, onDutyHere));
        given().header("Authorization", ADMIN).when().get("/staff/assignments/" + onDutyHere)
                .then().statusCode(200).body("items.kind", not(hasItem("diversion")));
    }

    @Test
    void diversionBadInputIsA400ListingTheFields() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("staff_ids", List.of(), "from_station_id", "", "duration_minutes", 5))
                .when().post("/staff/diversion")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://navswap.io/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder("staff_ids", "from_station_id", "to_station_id", "reason",
                        "duration_minutes", "priority"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("staff_ids", List.of("x"), "from_station_id", "A", "to_station_id", "B",
                        "reason", "r", "duration_minutes", 30, "priority", "urgent"))
                .when().post("/staff/diversion")
                .then().statusCode(400).body("errors.field", hasItem("priority"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("staff_ids", List.of("x"), "from_station_id", "A", "to_station_id", "A",
                        "reason", "r", "duration_minutes", 30, "priority", "low"))
                .when().post("/staff/diversion")
                .then().statusCode(400).body("type", equalTo("https://navswap.io/problems/same-station"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"staff_ids\": [")
                .when().post("/staff/diversion")
                .then().statusCode(400).body("type", equalTo("https://navswap.io/problems/malformed-json"));
        given().header("Authorization", TestTokens.bearer("usr-s-001", "staff")).contentType(ContentType.JSON)
                .body(Map.of("staff_ids", List.of("x"), "from_station_id", "A", "to_station_id", "B",
                        "reason", "r", "duration_minutes", 30, "priority", "low"))
                .when().post("/staff/diversion").then().statusCode(403);
    }

    /** Rosters of the Testpur stations of the stand-in list: ST-SUG-1 is short of staff, ST-SUG-2 has spare. */
    private void staffTestpur() {
        if (!given().header("Authorization", ADMIN).when().get("/staff/station/ST-SUG-2")
                .then().extract().jsonPath().getList("on_duty").isEmpty()) {
            return;
        }
        shiftNow("stf-sug-1a", "ST-SUG-1");
        shiftNow("stf-sug-2a", "ST-SUG-2");
        shiftNow("stf-sug-2b", "ST-SUG-2");
        shiftNow("stf-sug-2c", "ST-SUG-2");
        shiftNow("stf-sug-3a", "ST-SUG-3");
        shiftNow("stf-sug-3b", "ST-SUG-3");
    }

    @Test
    void suggestionsComeFromTheModelsWithTheCallersToken() {
        staffTestpur();
        String admin = TestTokens.bearer("usr-a-002", "admin");
        JsonPath answer = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("time_window_hours", 3))
                .when().post("/staff/diversion/suggest")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("onnx", answer.getString("source"));
        assertEquals(StandIns.MODEL_VERSION, answer.getString("model_version"));
        assertEquals("onnx", answer.getString("forecast_source"));
        assertEquals(3, answer.getInt("time_window_hours"));
        Map<String, Object> move = answer.getMap("suggestions.find { it.to_station_id == 'ST-SUG-1' }");
        assertEquals("ST-SUG-2", move.get("from_station_id"));
        assertEquals(2, move.get("staff_count"));
        assertEquals(2, ((List<?>) move.get("staff_ids")).size());
        // ai-service answers counts only; the reason is written here from the model's inputs.
        assertTrue(((String) move.get("reason")).startsWith("ST-SUG-1 expects 24.0 swaps/h with 1 on duty"),
                (String) move.get("reason"));
        assertTrue(((String) move.get("expected_effect")).contains("ST-SUG-1 24.0 → 8.0"));
        assertEquals("critical", move.get("priority"));
        assertEquals(180, move.get("duration_minutes"));
        assertEquals(24.0f, answer.getFloat("stations.find { it.station_id == 'ST-SUG-1' }.expected_swaps_per_hour"));
        assertEquals(admin, StandIns.LAST_AUTHORIZATION.get("/ai/predict-diversion"));
        assertEquals(admin, StandIns.LAST_AUTHORIZATION.get("/ai/forecast-traffic"));
        assertEquals(admin, StandIns.LAST_AUTHORIZATION.get("/station/list"));
    }

    @Test
    void suggestionsFallBackToTheLoadPerStaffHeuristicWhenAiIsDown() {
        staffTestpur();
        // No body: the default window applies.
        JsonPath answer = given().header("Authorization", TestTokens.bearer("usr-a-aidown", "admin"))
                .contentType(ContentType.JSON)
                .when().post("/staff/diversion/suggest")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("local-fallback", answer.getString("source"));
        assertEquals("staff-service-heuristic-1", answer.getString("model_version"));
        assertEquals("local-fallback", answer.getString("forecast_source"));
        assertEquals(4, answer.getInt("time_window_hours"));
        // Baseline demand: max(8 × 24/24, queue 10) = 10 swaps/h at ST-SUG-1 with one person → one more from ST-SUG-2.
        Map<String, Object> move = answer.getMap("suggestions.find { it.to_station_id == 'ST-SUG-1' }");
        assertEquals("ST-SUG-2", move.get("from_station_id"));
        assertEquals(1, move.get("staff_count"));
        assertTrue(((List<?>) move.get("staff_ids")).get(0).toString().startsWith("stf-sug-2"));
        assertTrue(((String) move.get("reason")).contains("ST-SUG-1 expects 10.0 swaps/h with 1 on duty"));
        assertTrue(((String) move.get("expected_effect")).contains("ST-SUG-1 10.0 → 5.0"));
        assertTrue(answer.getList("inputs").toString().contains("station-service GET /station/list"));
    }

    @Test
    void concurrentOverlappingShiftsForOnePersonGiveExactlyOne() throws Exception {
        String staff = unique("stf-race");
        Instant now = Instant.now();
        int attempts = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String station = "ST-RACE-" + i;
                results.add(pool.submit(() -> given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                        .body(Map.of("staff_id", staff, "station_id", station,
                                "starts_at", now.minus(Duration.ofMinutes(30)).toString(),
                                "ends_at", now.plus(Duration.ofHours(6)).toString()))
                        .when().post("/staff/assignments").then().extract().statusCode()));
            }
            List<Integer> codes = new java.util.ArrayList<>();
            for (var f : results) {
                codes.add(f.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
            assertTrue(codes.stream().allMatch(c -> c == 201 || c == 409), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        given().header("Authorization", ADMIN).queryParam("status", "active")
                .when().get("/staff/assignments/" + staff).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void concurrentDiversionsOfOnePersonMoveThemOnce() throws Exception {
        String staff = unique("stf-drace");
        String from = unique("ST-DRACE");
        shiftNow(staff, from);
        int attempts = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String to = from + "-TO-" + i;
                results.add(pool.submit(() -> given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                        .body(Map.of("staff_ids", List.of(staff), "from_station_id", from, "to_station_id", to,
                                "reason", "race", "duration_minutes", 30, "priority", "low"))
                        .when().post("/staff/diversion").then().extract().statusCode()));
            }
            List<Integer> codes = new java.util.ArrayList<>();
            for (var f : results) {
                codes.add(f.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        given().header("Authorization", ADMIN).when().get("/staff/assignments/" + staff)
                .then().statusCode(200).body("items.findAll { it.kind == 'diversion' }", hasSize(1));
    }

    @Test
    void otherServicesAskWithTheirServiceToken() {
        String staff = unique("stf-svc");
        String station = unique("ST-SVC");
        shiftNow(staff, station);
        String service = "Bearer " + io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .subject("queue-service").groups(java.util.Set.of("service"))
                .jws().keyId("service-dev").sign("dev-keys/service-private.pem");
        given().header("Authorization", service).queryParam("station_id", station).queryParam("staff_id", staff)
                .when().get("/staff/on-duty").then().statusCode(200).body("on_duty", equalTo(true));
        given().header("Authorization", service).when().get("/staff/station/" + station)
                .then().statusCode(200).body("on_duty_count", equalTo(1));
        given().header("Authorization", service).contentType(ContentType.JSON)
                .body(Map.of("staff_ids", List.of(staff), "from_station_id", station, "to_station_id", "ST-Y",
                        "reason", "r", "duration_minutes", 30, "priority", "low"))
                .when().post("/staff/diversion").then().statusCode(403);
    }

    @Test
    void healthAndApiDocsAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/staff/on-duty"))
                .body("paths", org.hamcrest.Matchers.hasKey("/tickets/{id}/resolve"));
    }

    @Test
    void suggestRejectsAnOutOfRangeWindow() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("time_window_hours", 48))
                .when().post("/staff/diversion/suggest")
                .then().statusCode(400).body("errors[0].field", containsString("time_window_hours"));
    }
}
