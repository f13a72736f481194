package io.navswap.e2e;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 5, staff operations, end to end through the gateway with tokens from /auth/login.
 *
 * <p>Stations: Pune, used by no other engineer's test class. staff19 is the only person on duty at ST-PUN-001
 * (Hinjewadi) and is diverted to ST-PUN-003 (Kothrud, staff21); staff20 works at ST-PUN-002 (Koregaon Park).
 * rider42 reserves at ST-PUN-001 for the cross-station QR check. Users: admin3, staff19, staff20, rider42.
 *
 * <p>"After the duration they are back": the API's shortest diversion is 15 minutes, longer than this suite may
 * wait. The test therefore checks the scheduled return (ends_at = starts_at + duration, the until of the
 * on-duty answers and of the home roster's diverted_away), that ending the diversion returns the person home at
 * once, and — with a regular shift a few seconds long — that on-duty answers follow the clock by themselves
 * (no job has to run), which is the rule that returns diverted staff at ends_at.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffDiversionE2ETest {
    private static final String PROBLEM = "application/problem+json";
    private static final String ADMIN = "admin3@navswap.dev";
    private static final String HOME = "ST-PUN-001";
    private static final String TARGET = "ST-PUN-003";
    private static final String OTHER = "ST-PUN-002";
    private static final String DIVERTED = "usr-s-019";
    private static final String ELSEWHERE = "usr-s-020";

    private static RequestSpecification admin() {
        return Gateway.as(ADMIN, DemoUsers.ADMIN_PASSWORD);
    }

    private static RequestSpecification staff20() {
        return Gateway.as(DemoUsers.staff(20), DemoUsers.STAFF_PASSWORD);
    }

    private static Map<String, Object> diversion(List<String> staffIds, String from, String to, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("staff_ids", staffIds);
        body.put("from_station_id", from);
        body.put("to_station_id", to);
        body.put("reason", "e2e: queue building up at Kothrud");
        body.put("duration_minutes", minutes);
        body.put("priority", "high");
        return body;
    }

    @Test
    @Order(1)
    void divertingSomeoneNotOnDutyAtTheSourceIs409AndMovesNobody() {
        admin().contentType(ContentType.JSON).body(diversion(List.of(ELSEWHERE), HOME, TARGET, 30)).post("/staff/diversion")
                .then().statusCode(409).contentType(startsWith(PROBLEM)).body("type", endsWith("/staff-not-on-duty"));
        // All or nobody: with one person who is on duty at the source and one who is not, neither moves.
        admin().contentType(ContentType.JSON).body(diversion(List.of(DIVERTED, ELSEWHERE), HOME, TARGET, 30))
                .post("/staff/diversion").then().statusCode(409).contentType(startsWith(PROBLEM));
        assertTrue(onDuty(OTHER, ELSEWHERE).getBoolean("on_duty"));
        assertFalse(onDuty(TARGET, ELSEWHERE).getBoolean("on_duty"));
        assertTrue(onDuty(HOME, DIVERTED).getBoolean("on_duty"));
        assertFalse(onDuty(TARGET, DIVERTED).getBoolean("on_duty"));
    }

    @Test
    @Order(2)
    void divertedStaffWorkAtTheTargetUntilEndsAtAndAreHomeOnceItEnds() {
        JsonPath created = admin().contentType(ContentType.JSON).body(diversion(List.of(DIVERTED), HOME, TARGET, 15))
                .post("/staff/diversion").then().statusCode(201).extract().jsonPath();
        String assignmentId = created.getString("members[0].assignment_id");
        try {
            Instant startsAt = Instant.parse(created.getString("starts_at"));
            Instant endsAt = Instant.parse(created.getString("ends_at"));
            assertEquals(Duration.ofMinutes(15), Duration.between(startsAt, endsAt), "scheduled return = start + duration");
            assertEquals(List.of(DIVERTED), created.getList("staff_ids"));

            JsonPath atTarget = onDuty(TARGET, DIVERTED);
            assertTrue(atTarget.getBoolean("on_duty"));
            assertEquals("diversion", atTarget.getString("kind"));
            assertEquals(endsAt, Instant.parse(atTarget.getString("until")), "on duty at the target until ends_at");
            assertFalse(onDuty(HOME, DIVERTED).getBoolean("on_duty"), "not at home while diverted");

            JsonPath home = admin().get("/staff/station/" + HOME).then().statusCode(200).extract().jsonPath();
            assertFalse(home.getList("on_duty.staff_id").contains(DIVERTED));
            assertEquals(List.of(DIVERTED), home.getList("diverted_away.staff_id"));
            assertEquals(endsAt, Instant.parse(home.getString("diverted_away[0].until")), "back home at ends_at");
            JsonPath target = admin().get("/staff/station/" + TARGET).then().statusCode(200).extract().jsonPath();
            assertTrue(target.getList("on_duty.staff_id").contains(DIVERTED));

            // The diverted person sees the diversion in their own assignments; a colleague may not look.
            JsonPath mine = Gateway.as(DemoUsers.staff(19), DemoUsers.STAFF_PASSWORD).get("/staff/assignments/" + DIVERTED)
                    .then().statusCode(200).extract().jsonPath();
            assertTrue(mine.getList("items.id").contains(assignmentId), "own history lists the diversion");
            staff20().get("/staff/assignments/" + DIVERTED).then().statusCode(403).contentType(startsWith(PROBLEM));

            // Nobody is on duty at home now: a critical fault there goes to the nearest staffed station's technician.
            String battery = admin().queryParam("station_id", HOME).queryParam("status", "charged").get("/batteries")
                    .then().statusCode(200).extract().jsonPath().getString("[0].battery_id");
            admin().contentType(ContentType.JSON).body(Map.of("soh", 55.0)).post("/batteries/" + battery + "/telemetry")
                    .then().statusCode(200).body("quarantined", equalTo(true));
            JsonPath ticket = OpsPolling.until("a ticket for the critical fault of " + battery, Duration.ofSeconds(30),
                    () -> admin().get("/tickets/battery/" + battery + "/faults").then().statusCode(200).extract().jsonPath(),
                    h -> h.getList("tickets").size() == 1).setRootPath("tickets[0]");
            assertEquals("critical", ticket.getString("priority"), "SOH below 60 is critical");
            List<String> near = admin().get("/staff/station/" + TARGET).then().statusCode(200).extract().jsonPath()
                    .getList("on_duty.staff_id");
            assertTrue(near.contains(ticket.getString("assignee_id")), "assigned near: " + ticket.getString("assignee_id")
                    + " (" + ticket.getString("assignment_note") + ")");
        } finally {
            admin().post("/staff/assignments/" + assignmentId + "/end").then().statusCode(200)
                    .body("status", equalTo("ended"));
        }
        assertTrue(onDuty(HOME, DIVERTED).getBoolean("on_duty"), "home again once the diversion ends");
        assertFalse(onDuty(TARGET, DIVERTED).getBoolean("on_duty"));
        assertTrue(admin().queryParam("status", "ended").get("/staff/diversions").then().statusCode(200)
                .extract().jsonPath().getList("items.diversion_id").contains(created.getString("diversion_id")),
                "history keeps the diversion");
    }

    @Test
    @Order(3)
    void onDutyAnswersFollowTheClockWithoutAnyJob() {
        // A stand-in technician (staff ids are admin input) on a shift that ends a few seconds from now.
        String person = "usr-s-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant endsAt = now.plusSeconds(6);
        admin().contentType(ContentType.JSON).body(Map.of("staff_id", person, "station_id", HOME,
                        "starts_at", now.minusSeconds(60).toString(), "ends_at", endsAt.toString(), "reason", "e2e short shift"))
                .post("/staff/assignments").then().statusCode(201);
        assertTrue(onDuty(HOME, person).getBoolean("on_duty"), "on duty inside the window");
        JsonPath after = OpsPolling.until(person + " off duty after " + endsAt, Duration.ofSeconds(15),
                () -> onDuty(HOME, person), answer -> !answer.getBoolean("on_duty"));
        assertTrue(Instant.parse(after.getString("checked_at")).compareTo(endsAt) >= 0);
    }

    @Test
    @Order(4)
    void staffOfOneStationCannotVerifyQrCodesAtAnother() {
        RequestSpecification rider = Gateway.as(DemoUsers.rider(42), DemoUsers.RIDER_PASSWORD);
        JsonPath reservation = rider.contentType(ContentType.JSON).body(Map.of("station_id", HOME)).post("/queue/confirm")
                .then().statusCode(201).extract().jsonPath();
        String queueId = reservation.getString("queue_id");
        try {
            // staff20 works at ST-PUN-002, not at ST-PUN-001 where the rider is booked.
            staff20().contentType(ContentType.JSON).body(Map.of("qr_token", reservation.getString("qr_token"),
                            "station_id", HOME))
                    .post("/qr/verify").then().statusCode(403).contentType(startsWith(PROBLEM))
                    .body("type", endsWith("/staff-not-on-duty"));
            staff20().contentType(ContentType.JSON).body(Map.of("qr_token", reservation.getString("qr_token"),
                            "station_id", OTHER))
                    .post("/qr/verify").then().statusCode(403).contentType(startsWith(PROBLEM))
                    .body("type", endsWith("/qr-wrong-station"));
            Gateway.as(DemoUsers.rider(42), DemoUsers.RIDER_PASSWORD).get("/queue/" + queueId)
                    .then().statusCode(200).body("status", equalTo("confirmed"));
        } finally {
            Gateway.as(DemoUsers.rider(42), DemoUsers.RIDER_PASSWORD).post("/queue/" + queueId + "/cancel")
                    .then().statusCode(200);
        }
    }

    @Test
    @Order(5)
    void badStaffInputIsA4xxProblem() {
        admin().contentType(ContentType.JSON).body(diversion(List.of(DIVERTED), HOME, TARGET, 5)).post("/staff/diversion")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("duration_minutes"));
        admin().contentType(ContentType.JSON).body(diversion(List.of(DIVERTED), HOME, HOME, 30)).post("/staff/diversion")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("type", endsWith("/same-station"));
        admin().contentType(ContentType.JSON).body(diversion(List.of(DIVERTED, DIVERTED), HOME, TARGET, 30))
                .post("/staff/diversion").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("type", endsWith("/duplicate-staff"));
        Map<String, Object> noStaff = diversion(List.of(), HOME, TARGET, 30);
        admin().contentType(ContentType.JSON).body(noStaff).post("/staff/diversion")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("staff_ids"));
        Map<String, Object> badPriority = diversion(List.of(DIVERTED), HOME, TARGET, 30);
        badPriority.put("priority", "whenever");
        admin().contentType(ContentType.JSON).body(badPriority).post("/staff/diversion")
                .then().statusCode(400).contentType(startsWith(PROBLEM));
        admin().contentType(ContentType.JSON).body("{\"staff_ids\": [").post("/staff/diversion")
                .then().statusCode(400).contentType(startsWith(PROBLEM));
        admin().queryParam("station_id", HOME).get("/staff/on-duty").then().statusCode(400).contentType(startsWith(PROBLEM));
        Instant now = Instant.now();
        admin().contentType(ContentType.JSON).body(Map.of("staff_id", "usr-s-e2e-x", "station_id", HOME,
                        "starts_at", now.toString(), "ends_at", now.minusSeconds(3600).toString()))
                .post("/staff/assignments").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("type", endsWith("/invalid-shift-window"));
        staff20().contentType(ContentType.JSON).body(Map.of("qr_token", "not-a-token", "station_id", OTHER))
                .post("/qr/verify").then().statusCode(400).contentType(startsWith(PROBLEM));
        Gateway.as(DemoUsers.rider(42), DemoUsers.RIDER_PASSWORD).contentType(ContentType.JSON)
                .body(diversion(List.of(DIVERTED), HOME, TARGET, 30)).post("/staff/diversion")
                .then().statusCode(403).contentType(startsWith(PROBLEM));
    }

    private static JsonPath onDuty(String stationId, String staffId) {
        JsonPath answer = admin().queryParam("station_id", stationId).queryParam("staff_id", staffId).get("/staff/on-duty")
                .then().statusCode(200).extract().jsonPath();
        assertNotNull(answer.get("on_duty"));
        return answer;
    }
}
