package io.navswap.swap.rest;

import static io.navswap.swap.rest.SwapApi.PROBLEM;
import static io.navswap.swap.rest.SwapApi.complete;
import static io.navswap.swap.rest.SwapApi.completeBody;
import static io.navswap.swap.rest.SwapApi.get;
import static io.navswap.swap.rest.SwapApi.start;
import static io.navswap.swap.rest.SwapApi.startBody;
import static io.navswap.swap.rest.SwapApi.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.navswap.swap.support.StandInServices;
import io.navswap.swap.support.SwapEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SwapResourceTest {
    private static final String ADMIN = token("usr-a-001", "admin");

    private StandInServices standIn;

    @BeforeEach
    void standIn() {
        standIn = StandInServices.get().stationDown(false).staffDown(false).exchangeDelay(20);
    }

    /** A started swap at {@code station}, with {@code staff} on duty there; answers the staff token. */
    private String started(String swapId, String user, String station, String staff) {
        standIn.onDuty(station, staff);
        String staffToken = token(staff, "staff");
        start(swapId, startBody("RES-" + swapId, user, station, staff, 80.0), staffToken).then().statusCode(201);
        return staffToken;
    }

    // ---- start ----------------------------------------------------------------------------------------------

    @Test
    void startIsIdempotentForTheSameReservation() {
        standIn.onDuty("ST-T-START", "usr-s-start");
        String staff = token("usr-s-start", "staff");
        Map<String, Object> body = startBody("RES-START-1", "usr-c-start", "ST-T-START", "usr-s-start", 80.0);

        Response first = start("SWP-START-1", body, staff);
        first.then().statusCode(201).body("swap_id", equalTo("SWP-START-1")).body("status", equalTo("started"))
                .body("reservation_id", equalTo("RES-START-1")).body("battery_soh_min", equalTo(80.0f))
                .body("user_name", equalTo("Rider usr-c-start")).body("completed_at", nullValue());
        Response again = start("SWP-START-1", body, staff);
        again.then().statusCode(200).body("swap_id", equalTo("SWP-START-1"));
        assertEquals(first.jsonPath().getString("started_at"), again.jsonPath().getString("started_at"));
        assertEquals(0, again.jsonPath().getInt("version"));
    }

    @Test
    void startRefusesAnotherReservationForAnExistingSwapId() {
        started("SWP-START-2", "usr-c-start2", "ST-T-START", "usr-s-start");
        start("SWP-START-2", startBody("RES-OTHER", "usr-c-start2", "ST-T-START", "usr-s-start", 80.0), ADMIN)
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "swap-id-conflict"));
        // ...and a second swap id for a reservation that already has one.
        start("SWP-START-2b", startBody("RES-SWP-START-2", "usr-c-start2", "ST-T-START", "usr-s-start", 80.0), ADMIN)
                .then().statusCode(409).body("type", equalTo(PROBLEM + "reservation-has-swap"));
    }

    @Test
    void startValidatesItsBody() {
        Map<String, Object> body = startBody(null, "usr-c-v", "ST-T-START", "usr-s-start", 120.0);
        start("SWP-START-V", body, ADMIN).then().statusCode(400)
                .body("type", equalTo(PROBLEM + "validation-failed"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("battery_soh_min", "reservation_id"));
        start("bad id!", startBody("RES-V", "usr-c-v", "ST-T-START", "usr-s-start", null), ADMIN)
                .then().statusCode(400);
        get("SWP-START-V", ADMIN).then().statusCode(404);
    }

    @Test
    void startIsForStaffOnDutyThereUnderTheirOwnId() {
        Map<String, Object> body = startBody("RES-START-3", "usr-c-start3", "ST-T-ELSEWHERE", "usr-s-start3", null);
        start("SWP-START-3", body, token("usr-s-start3", "staff")).then().statusCode(403)
                .body("type", equalTo(PROBLEM + "staff-not-on-duty"));
        start("SWP-START-3", body, token("usr-s-other", "staff")).then().statusCode(403)
                .body("type", equalTo(PROBLEM + "forbidden"));
        start("SWP-START-3", body, token("usr-c-start3", "consumer")).then().statusCode(403);
        given().when().put("/swap/SWP-START-3/start").then().statusCode(401);
        get("SWP-START-3", ADMIN).then().statusCode(404).body("type", equalTo(PROBLEM + "swap-not-found"));
    }

    // ---- complete -------------------------------------------------------------------------------------------

    @Test
    void completeMovesInventoryRecordsResultAndAnnouncesIt() {
        String staff = started("SWP-DONE-1", "usr-c-done1", "ST-T-DONE", "usr-s-done");

        complete(completeBody("SWP-DONE-1", "BAT-OLD-D1", "BAT-NEW-D1"), staff).then().statusCode(200)
                .body("status", equalTo("completed")).body("old_battery_id", equalTo("BAT-OLD-D1"))
                .body("new_battery_id", equalTo("BAT-NEW-D1")).body("old_battery_status", equalTo("charging"))
                .body("quarantined", equalTo(false)).body("faulty", equalTo(false))
                .body("swap_duration_seconds", equalTo(170)).body("notes", equalTo("smooth"))
                .body("loyalty_credits", equalTo(10)).body("completed_by", equalTo("usr-s-done"))
                .body("version", equalTo(1));

        List<StandInServices.Call> calls = standIn.exchangeCalls("SWP-DONE-1");
        assertEquals(1, calls.size());
        assertEquals(staff, calls.get(0).authorization(), "the staff member's token is forwarded");
        assertEquals("ST-T-DONE", calls.get(0).body().getString("station_id"));
        assertEquals(80.0, calls.get(0).body().getDouble("min_soh"), "the reservation's minimum SOH is enforced");
        assertEquals(false, calls.get(0).body().getBoolean("faulty"));

        List<SwapEvents.Received> events = SwapEvents.read("swap.completed", "SWP-DONE-1", Duration.ofSeconds(3));
        assertEquals(1, events.size());
        JsonNode envelope = events.get(0).envelope();
        assertEquals("station:ST-T-DONE", events.get(0).key());
        assertEquals("swap-service", envelope.path("source").asText());
        assertEquals("station:ST-T-DONE", envelope.path("subject").asText());
        JsonNode data = envelope.path("data");
        assertEquals("RES-SWP-DONE-1", data.path("reservation_id").asText());
        assertEquals("usr-c-done1", data.path("user_id").asText());
        assertEquals("BAT-NEW-D1", data.path("new_battery_id").asText());
        assertEquals(10, data.path("loyalty_credits").asInt());
        assertEquals(false, data.path("old_battery_quarantined").asBoolean());

        get("SWP-DONE-1", token("usr-c-done1", "consumer")).then().statusCode(200)
                .body("status", equalTo("completed"));
    }

    @Test
    void faultyOrWornOldBatteryIsReportedQuarantined() {
        String staff = started("SWP-DONE-Q", "usr-c-doneq", "ST-T-DONE", "usr-s-done");
        Map<String, Object> body = completeBody("SWP-DONE-Q", "BAT-OLD-Q", "BAT-NEW-Q");
        body.put("old_battery_soh", 70.2);
        body.remove("faulty");
        body.put("faulty_battery", false);
        complete(body, staff).then().statusCode(200).body("quarantined", equalTo(true))
                .body("old_battery_status", equalTo("quarantined")).body("old_battery_soh", equalTo(70.2f));
    }

    @Test
    void repeatedCompleteAnswersTheSameResultWithoutAnotherExchange() {
        String staff = started("SWP-RETRY-1", "usr-c-retry", "ST-T-RETRY", "usr-s-retry");
        Map<String, Object> body = completeBody("SWP-RETRY-1", "BAT-OLD-R1", "BAT-NEW-R1");

        Response first = complete(body, staff);
        first.then().statusCode(200);
        Response second = complete(body, staff);
        second.then().statusCode(200);

        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(1, standIn.exchangeCalls("SWP-RETRY-1").size(), "a completed swap does not ask station-service again");
        assertEquals(1, SwapEvents.read("swap.completed", "SWP-RETRY-1", Duration.ofSeconds(2)).size());
    }

    @Test
    void concurrentCompletesMakeExactlyOneTransition() throws Exception {
        String staff = started("SWP-RACE-1", "usr-c-race", "ST-T-RACE", "usr-s-race");
        standIn.exchangeDelay(80);
        Map<String, Object> body = completeBody("SWP-RACE-1", "BAT-OLD-RACE", "BAT-NEW-RACE");

        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> complete(body, staff));
        }
        List<Response> responses = new ArrayList<>();
        try {
            for (Future<Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> completedAt = new HashSet<>();
        for (Response r : responses) {
            r.then().statusCode(200).body("swap_id", equalTo("SWP-RACE-1")).body("status", equalTo("completed"))
                    .body("version", equalTo(1));
            completedAt.add(r.jsonPath().getString("completed_at"));
        }
        assertEquals(1, completedAt.size(), "every caller sees the one recorded completion");
        assertEquals(1, standIn.moves("SWP-RACE-1"), "the inventory moved once");
        assertEquals(1, SwapEvents.read("swap.completed", "SWP-RACE-1", Duration.ofSeconds(3)).size(),
                "exactly one swap.completed");
    }

    @Test
    void otherBatteriesAfterCompletionAreRefused() {
        String staff = started("SWP-DIFF-1", "usr-c-diff", "ST-T-DIFF", "usr-s-diff");
        complete(completeBody("SWP-DIFF-1", "BAT-OLD-X", "BAT-NEW-X"), staff).then().statusCode(200);

        complete(completeBody("SWP-DIFF-1", "BAT-OLD-X", "BAT-NEW-Y"), staff).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "swap-already-completed"))
                .body("detail", containsString("BAT-NEW-X"));
        assertEquals(1, standIn.exchangeCalls("SWP-DIFF-1").size());
        get("SWP-DIFF-1", ADMIN).then().body("new_battery_id", equalTo("BAT-NEW-X"));
    }

    @Test
    void stationRefusalsReachTheCallerAndNothingIsWritten() {
        String staff = started("SWP-REFUSE-1", "usr-c-refuse", "ST-T-REFUSE", "usr-s-refuse");
        standIn.refuseNewBattery("BAT-NOT-CHARGED", 409, "battery-not-charged")
                .refuseNewBattery("BAT-UNKNOWN", 404, "battery-not-found");

        complete(completeBody("SWP-REFUSE-1", "BAT-OLD-RF", "BAT-NOT-CHARGED"), staff).then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "battery-not-charged"));
        complete(completeBody("SWP-REFUSE-1", "BAT-OLD-RF", "BAT-UNKNOWN"), staff).then().statusCode(404)
                .body("type", equalTo(PROBLEM + "battery-not-found"));
        assertEquals(2, standIn.exchangeCalls("SWP-REFUSE-1").size(), "business refusals are not retried");
        get("SWP-REFUSE-1", ADMIN).then().body("status", equalTo("started")).body("version", equalTo(0));

        complete(completeBody("SWP-REFUSE-1", "BAT-OLD-RF", "BAT-GOOD-RF"), staff).then().statusCode(200);
    }

    @Test
    void stationServiceDownAnswers503AndLeavesTheSwapStarted() {
        String staff = started("SWP-DOWN-1", "usr-c-down", "ST-T-DOWN", "usr-s-down");
        standIn.stationDown(true);
        try {
            complete(completeBody("SWP-DOWN-1", "BAT-OLD-DN", "BAT-NEW-DN"), staff).then().statusCode(503)
                    .body("type", equalTo(PROBLEM + "station-service-unavailable"));
        } finally {
            standIn.stationDown(false);
        }
        assertEquals(3, standIn.exchangeCalls("SWP-DOWN-1").size(), "the idempotent exchange is retried twice");
        get("SWP-DOWN-1", ADMIN).then().body("status", equalTo("started")).body("version", equalTo(0));
        assertTrue(SwapEvents.read("swap.completed", "SWP-DOWN-1", Duration.ofMillis(500)).isEmpty());

        complete(completeBody("SWP-DOWN-1", "BAT-OLD-DN", "BAT-NEW-DN"), staff).then().statusCode(200)
                .body("status", equalTo("completed"));
    }

    @Test
    void completeValidatesItsBodyAndListsTheFields() {
        Map<String, Object> body = completeBody("SWP-VALID-1", "BAT-A", "BAT-A");
        body.remove("faulty");
        body.put("swap_duration_seconds", 0);
        body.put("notes", "x".repeat(501));
        complete(body, ADMIN).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "validation-failed"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("distinct_batteries", "faulty", "notes",
                        "swap_duration_seconds"));

        Map<String, Object> tooLong = completeBody("SWP-VALID-1", "BAT-A", "BAT-B");
        tooLong.put("swap_duration_seconds", 3601);
        complete(tooLong, ADMIN).then().statusCode(400).body("errors.field", hasItems("swap_duration_seconds"));

        given().header("Authorization", ADMIN).contentType("application/json").body("{\"swap_id\": ")
                .when().post("/swap/complete").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "malformed-json"));
        complete(completeBody("SWP-NOWHERE", "BAT-A", "BAT-B"), ADMIN).then().statusCode(404)
                .body("type", equalTo(PROBLEM + "swap-not-found"));
    }

    @Test
    void completeIsForStaffOnDutyAtTheSwapsStation() {
        started("SWP-DUTY-1", "usr-c-duty", "ST-T-DUTY", "usr-s-duty");
        Map<String, Object> body = completeBody("SWP-DUTY-1", "BAT-OLD-DU", "BAT-NEW-DU");

        complete(body, token("usr-s-elsewhere", "staff")).then().statusCode(403)
                .body("type", equalTo(PROBLEM + "staff-not-on-duty"));
        complete(body, token("usr-c-duty", "consumer")).then().statusCode(403);
        assertTrue(standIn.exchangeCalls("SWP-DUTY-1").isEmpty());

        complete(body, ADMIN).then().statusCode(200).body("completed_by", equalTo("usr-a-001"));
    }

    @Test
    void healthChecksMongoRedisAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("MongoDB connection health check", "Redis connection health check"));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/swap/complete"));
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    @Test
    void aSwapIsReadByItsRiderStaffOnDutyThereOrAdmin() {
        started("SWP-READ-1", "usr-c-read", "ST-T-READ", "usr-s-read");

        get("SWP-READ-1", token("usr-c-read", "consumer")).then().statusCode(200).body("user_id", equalTo("usr-c-read"));
        get("SWP-READ-1", token("usr-c-intruder", "consumer")).then().statusCode(403)
                .body("type", equalTo(PROBLEM + "forbidden"));
        get("SWP-READ-1", token("usr-s-read", "staff")).then().statusCode(200);
        get("SWP-READ-1", token("usr-s-notthere", "staff")).then().statusCode(403);
        get("SWP-READ-1", token("usr-t-001", "transporter")).then().statusCode(403);
        get("SWP-READ-1", ADMIN).then().statusCode(200).body("outbox", nullValue());
    }

    @Test
    void staffCheckUsesTheLastKnownAnswerWhileStaffServiceIsDown() {
        started("SWP-CACHE-1", "usr-c-cache", "ST-T-CACHE", "usr-s-cache");
        String known = token("usr-s-cache", "staff");
        get("SWP-CACHE-1", known).then().statusCode(200);

        standIn.staffDown(true);
        try {
            get("SWP-CACHE-1", known).then().statusCode(200);
            get("SWP-CACHE-1", token("usr-s-never-asked", "staff")).then().statusCode(503)
                    .body("type", equalTo(PROBLEM + "staff-check-unavailable"));
        } finally {
            standIn.staffDown(false);
        }
    }

    @Test
    void historyIsPagedNewestFirstForItsOwnerOrAdmin() {
        standIn.onDuty("ST-T-HIST", "usr-s-hist");
        String staff = token("usr-s-hist", "staff");
        for (int i = 1; i <= 3; i++) {
            start("SWP-PAGE-" + i, startBody("RES-PAGE-" + i, "usr-c-hist", "ST-T-HIST", "usr-s-hist", null), staff)
                    .then().statusCode(201);
        }
        String owner = token("usr-c-hist", "consumer");

        given().header("Authorization", owner).queryParam("size", 2).when().get("/swap/user/usr-c-hist")
                .then().statusCode(200).body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.swap_id", org.hamcrest.Matchers.contains("SWP-PAGE-3", "SWP-PAGE-2"));
        given().header("Authorization", owner).queryParam("size", 2).queryParam("page", 1)
                .when().get("/swap/user/usr-c-hist")
                .then().statusCode(200).body("items.swap_id", org.hamcrest.Matchers.contains("SWP-PAGE-1"));
        given().header("Authorization", ADMIN).when().get("/swap/user/usr-c-hist")
                .then().statusCode(200).body("items.size()", equalTo(3));

        given().header("Authorization", token("usr-c-intruder", "consumer")).when().get("/swap/user/usr-c-hist")
                .then().statusCode(403);
        given().header("Authorization", staff).when().get("/swap/user/usr-c-hist").then().statusCode(403);
        given().header("Authorization", owner).queryParam("size", 101).when().get("/swap/user/usr-c-hist")
                .then().statusCode(400).body("type", equalTo(PROBLEM + "validation-failed"));
    }
}
