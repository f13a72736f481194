package io.navswap.e2e;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 5, three-level fault resolution, end to end through the gateway (tokens from /auth/login); Kafka is
 * read and written with plain clients only to redeliver events.
 *
 * <p>Stations: Pune, which no other test class uses for faults. ST-PUN-002 (Koregaon Park; staff20 is its only
 * person on duty) takes the rider's SOH-70 return through a real swap (queue confirm → QR verify → swap complete
 * with {@code old_battery_soh: 70}). ST-PUN-003 (Kothrud; staff21) takes the telemetry-only second-fault case.
 * Users: rider41 (its battery BAT-RIDER-041), staff20, staff21, admin3.
 *
 * <p>Why the SOH-70 return is the battery's second fault: by SPEC §4 (and staff-service's README) level 2 runs for
 * recurring faults, a station spike or a high fault-model probability, and level 3 for critical (recurring, SOH &lt;
 * 60, probability ≥ 0.9) or day-old faults. A lone SOH-70 return is quarantined and recorded (level 1) and, with
 * the trained fault model's moderate probability, waits there; so the battery first reports a fault on the road
 * (telemetry flag while the rider has it: recorded once, no ticket) and its SOH-70 return then escalates.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultResolutionE2ETest {
    private static final String PROBLEM = "application/problem+json";
    private static final String ADMIN = "admin3@navswap.dev";
    private static final String SWAP_STATION = "ST-PUN-002";
    private static final String TELEMETRY_STATION = "ST-PUN-003";
    private static final String RIDER_ID = "usr-c-041";
    private static final String RIDER_BATTERY = "BAT-RIDER-041";
    private static final String TECHNICIAN_ID = "usr-s-020";
    private static final Set<String> ESCALATED = Set.of("high", "critical");

    private static String swapId;
    private static String swapTicketId;
    private static String secondFaultBattery;

    private static RequestSpecification admin() {
        return Gateway.as(ADMIN, DemoUsers.ADMIN_PASSWORD);
    }

    private static RequestSpecification staff20() {
        return Gateway.as(DemoUsers.staff(20), DemoUsers.STAFF_PASSWORD);
    }

    private static RequestSpecification staff21() {
        return Gateway.as(DemoUsers.staff(21), DemoUsers.STAFF_PASSWORD);
    }

    private static RequestSpecification rider() {
        return Gateway.as(DemoUsers.rider(41), DemoUsers.RIDER_PASSWORD);
    }

    @Test
    @Order(1)
    void sohSeventyReturnIsQuarantinedAnalysedTicketedRepairedAndBackInCharging() {
        // The battery reports a fault on the road: flagged (it cannot be quarantined in the rider's hands), level 1.
        JsonPath flagged = admin().contentType(ContentType.JSON).body(Map.of("soh", 78.0, "fault_flag", true))
                .post("/batteries/" + RIDER_BATTERY + "/telemetry")
                .then().statusCode(200).body("quarantined", equalTo(false)).body("battery.status", equalTo("in_use"))
                .body("battery.fault_flagged", equalTo(true)).extract().jsonPath();
        String firstFault = flagged.getString("fault_id");
        assertNotNull(firstFault);
        JsonPath history = faultsOnceProcessed(RIDER_BATTERY, 1);
        assertEquals(List.of(), history.getList("tickets"), "a first fault alone opens no ticket");
        assertTrue(history.getInt("highest_level") < 3);

        // The rider swaps at Koregaon Park and hands the battery back at SOH 70 %.
        String qr = rider().contentType(ContentType.JSON).body(Map.of("station_id", SWAP_STATION)).post("/queue/confirm")
                .then().statusCode(201).extract().path("qr_token");
        swapId = staff20().contentType(ContentType.JSON).body(Map.of("qr_token", qr, "station_id", SWAP_STATION))
                .post("/qr/verify").then().statusCode(200).body("valid", equalTo(true)).extract().path("swap_id");
        String fresh = staff20().queryParam("station_id", SWAP_STATION).queryParam("status", "charged")
                .get("/batteries").then().statusCode(200).extract().jsonPath().getString("[0].battery_id");
        Map<String, Object> complete = new LinkedHashMap<>();
        complete.put("swap_id", swapId);
        complete.put("old_battery_id", RIDER_BATTERY);
        complete.put("new_battery_id", fresh);
        complete.put("old_battery_soh", 70);
        complete.put("faulty", false);
        complete.put("swap_duration_seconds", 170);
        staff20().contentType(ContentType.JSON).body(complete).post("/swap/complete")
                .then().statusCode(200).body("status", equalTo("completed")).body("quarantined", equalTo(true))
                .body("old_battery_status", equalTo("quarantined"));

        // Level 1: quarantined at once, at the station.
        staff20().get("/batteries/" + RIDER_BATTERY).then().statusCode(200)
                .body("status", equalTo("quarantined")).body("location_id", equalTo(SWAP_STATION));

        // Level 2 and 3: the second fault of the battery within 30 days is diagnosed and ticketed.
        history = OpsPolling.until("the SOH-70 fault to reach a ticket", Duration.ofSeconds(30),
                () -> faults(RIDER_BATTERY), h -> h.getInt("fault_count") == 2 && h.getList("tickets").size() == 1
                        && h.getInt("highest_level") == 3);
        Map<String, Object> returned = faultOtherThan(history, firstFault);
        assertEquals(70.0, ((Number) returned.get("soh")).doubleValue(), 0.001);
        assertEquals(SWAP_STATION, returned.get("station_id"));
        assertEquals(3, ((Number) returned.get("level")).intValue());
        Map<String, Object> returnedDiagnosis = map(returned.get("diagnosis"));
        assertNotNull(returnedDiagnosis, "level 2 recorded a diagnosis: " + returned);
        assertTrue(((List<?>) returnedDiagnosis.get("triggers")).contains("recurring"), "recurring: " + returnedDiagnosis);
        assertEquals(Boolean.TRUE, returnedDiagnosis.get("escalate"));
        assertNotNull(returnedDiagnosis.get("suggested_fix"));

        swapTicketId = (String) returned.get("ticket_id");
        JsonPath ticket = staff20().get("/tickets/" + swapTicketId).then().statusCode(200).extract().jsonPath();
        assertEquals("open", ticket.getString("status"));
        assertEquals(RIDER_BATTERY, ticket.getString("battery_id"));
        assertEquals(SWAP_STATION, ticket.getString("station_id"));
        assertTrue(ticket.getString("number").startsWith("TCK-"), ticket.getString("number"));
        assertTrue(ESCALATED.contains(ticket.getString("priority")), "priority " + ticket.getString("priority"));
        assertNotNull(ticket.getString("sla_due_at"));
        assertTrue(ticket.getList("fault_ids").containsAll(List.of(firstFault, (String) returned.get("fault_id"))),
                "the earlier fault joins the ticket: " + ticket.getList("fault_ids"));
        assertEquals(TECHNICIAN_ID, ticket.getString("assignee_id"), "the only technician on duty at " + SWAP_STATION);

        // Assigned (admin confirms the technician), started and resolved as repaired by the assignee only.
        admin().contentType(ContentType.JSON).body(Map.of("assignee_id", TECHNICIAN_ID))
                .post("/tickets/" + swapTicketId + "/assign")
                .then().statusCode(200).body("assignee_id", equalTo(TECHNICIAN_ID));
        staff21().post("/tickets/" + swapTicketId + "/start").then().statusCode(403).contentType(startsWith(PROBLEM));
        staff20().post("/tickets/" + swapTicketId + "/start").then().statusCode(200).body("status", equalTo("in_progress"));
        staff20().contentType(ContentType.JSON).body(Map.of("outcome", "repaired", "notes", "e2e: cells rebalanced"))
                .post("/tickets/" + swapTicketId + "/resolve")
                .then().statusCode(200).body("status", equalTo("resolved")).body("outcome", equalTo("repaired"));

        // ticket.resolved (repaired) brings the battery back into service at the station.
        OpsPolling.until(RIDER_BATTERY + " back in charging", Duration.ofSeconds(20),
                () -> staff20().get("/batteries/" + RIDER_BATTERY).then().statusCode(200).extract().jsonPath(),
                b -> "charging".equals(b.getString("status")));
        staff20().get("/batteries/" + RIDER_BATTERY).then().body("location_id", equalTo(SWAP_STATION));
        admin().post("/tickets/" + swapTicketId + "/close").then().statusCode(200).body("status", equalTo("closed"));

        // The rider was credited once for the swap.
        OpsPolling.until("loyalty credits for " + swapId, Duration.ofSeconds(20),
                () -> rider().get("/credits/" + RIDER_ID).then().statusCode(200).extract().jsonPath(),
                c -> c.getList("entries.source_key").contains("swap.completed:" + swapId));
    }

    @Test
    @Order(2)
    void aSecondFaultOfTheSameBatteryWithinThirtyDaysEscalates() {
        secondFaultBattery = staff21().queryParam("station_id", TELEMETRY_STATION).queryParam("status", "charged")
                .get("/batteries").then().statusCode(200).extract().jsonPath().getString("[0].battery_id");

        String first = admin().contentType(ContentType.JSON).body(Map.of("soh", 72.0))
                .post("/batteries/" + secondFaultBattery + "/telemetry")
                .then().statusCode(200).body("quarantined", equalTo(true)).extract().path("fault_id");
        JsonPath history = faultsOnceProcessed(secondFaultBattery, 1);
        assertEquals(List.of(), history.getList("tickets"), "one fault: no ticket yet");
        assertTrue(history.getInt("highest_level") < 3);

        // Bench-checked and put back on charge (admin correction), then it faults again.
        admin().contentType(ContentType.JSON).body(Map.of("status", "charging")).put("/batteries/" + secondFaultBattery)
                .then().statusCode(200).body("status", equalTo("charging"));
        String second = admin().contentType(ContentType.JSON).body(Map.of("soh", 71.0))
                .post("/batteries/" + secondFaultBattery + "/telemetry")
                .then().statusCode(200).body("quarantined", equalTo(true)).extract().path("fault_id");
        assertNotEquals(first, second);

        history = OpsPolling.until("the second fault to escalate", Duration.ofSeconds(30),
                () -> faults(secondFaultBattery), h -> h.getInt("fault_count") == 2 && h.getList("tickets").size() == 1
                        && h.getInt("highest_level") == 3);
        Map<String, Object> recurring = faultOtherThan(history, first);
        assertEquals(second, recurring.get("fault_id"));
        assertEquals("ticketed", recurring.get("status"));
        Map<String, Object> diagnosis = map(recurring.get("diagnosis"));
        assertTrue(((List<?>) diagnosis.get("triggers")).contains("recurring"), "recurring: " + diagnosis);
        JsonPath ticket = staff21().get("/tickets/" + recurring.get("ticket_id")).then().statusCode(200).extract().jsonPath();
        assertEquals("open", ticket.getString("status"));
        assertTrue(ESCALATED.contains(ticket.getString("priority")), "escalated priority: " + ticket.getString("priority"));
        assertTrue(ticket.getList("fault_ids").containsAll(List.of(first, second)));
        List<String> onDuty = admin().get("/staff/station/" + TELEMETRY_STATION).then().statusCode(200)
                .extract().jsonPath().getList("on_duty.staff_id");
        assertTrue(onDuty.contains(ticket.getString("assignee_id")),
                "assigned to a technician on duty at " + TELEMETRY_STATION + ": " + ticket.getString("assignee_id"));
        staff21().get("/batteries/" + secondFaultBattery).then().body("status", equalTo("quarantined"));
    }

    @Test
    @Order(3)
    void redeliveredFaultAndSwapEventsOpenNoDuplicateTicketsAndCreditNothingTwice() {
        String[] faultGroups = { "staff-service", "station-service" };
        String[] swapGroups = { "logistics-service", "station-service", "queue-service", "swap-service" };
        OpsKafka.awaitConsumed("navswap.faults", Duration.ofSeconds(30), faultGroups);
        OpsKafka.awaitConsumed("navswap.swaps", Duration.ofSeconds(30), swapGroups);
        List<ConsumerRecord<String, String>> faultEvents = OpsKafka.readAll("navswap.faults");
        // Event facts of the SOH-70 chain, keyed by the battery: two level-1 faults, a diagnosis, the ticket's life.
        List<String> chain = faultEvents.stream().filter(r -> ("battery:" + RIDER_BATTERY).equals(r.key()))
                .map(r -> JsonPath.from(r.value()).getString("type")).toList();
        assertEquals(2, chain.stream().filter("fault.recorded"::equals).count(), "two level-1 faults: " + chain);
        assertTrue(chain.containsAll(List.of("fault.diagnosed", "ticket.opened", "ticket.resolved")), "chain: " + chain);
        List<ConsumerRecord<String, String>> swapEvents = OpsKafka.readAll("navswap.swaps").stream()
                .filter(r -> r.value().contains(swapId)).toList();
        assertTrue(swapEvents.stream().anyMatch(r -> r.value().contains("swap.completed")), "swap.completed of " + swapId);

        // Every battery with fault events on the topic (this class's, and any other flow's faulty returns).
        List<String> batteries = faultEvents.stream().map(ConsumerRecord::key)
                .filter(k -> k != null && k.startsWith("battery:")).map(k -> k.substring("battery:".length()))
                .distinct().limit(20).toList();
        assertTrue(batteries.containsAll(List.of(RIDER_BATTERY, secondFaultBattery)), "batteries: " + batteries);

        Map<String, Object> before = snapshot(batteries);
        long deadLetters = OpsKafka.deadLetters();
        OpsKafka.republish(faultEvents, r -> true);
        OpsKafka.republish(swapEvents, r -> true);
        OpsKafka.awaitConsumed("navswap.faults", Duration.ofSeconds(40), faultGroups);
        OpsKafka.awaitConsumed("navswap.swaps", Duration.ofSeconds(40), swapGroups);
        assertEquals(before, snapshot(batteries), "redelivered events change nothing");
        assertEquals(deadLetters, OpsKafka.deadLetters(), "every redelivered event was handled, none dead-lettered");
    }

    @Test
    @Order(4)
    void badFaultAndTicketInputIsA4xxProblem() {
        admin().contentType(ContentType.JSON).body(Map.of("soh", 150)).post("/batteries/" + RIDER_BATTERY + "/telemetry")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("soh"));
        admin().contentType(ContentType.JSON).body(Map.of("soh", 80)).post("/batteries/BAT-NOPE-404/telemetry")
                .then().statusCode(404).contentType(startsWith(PROBLEM)).body("type", endsWith("/battery-not-found"));
        admin().contentType(ContentType.JSON).body(Map.of("outcome", "fixed-it"))
                .post("/tickets/" + swapTicketId + "/resolve").then().statusCode(400).contentType(startsWith(PROBLEM));
        admin().contentType(ContentType.JSON).body(Map.of("outcome", "repaired"))
                .post("/tickets/" + swapTicketId + "/resolve").then().statusCode(409).contentType(startsWith(PROBLEM))
                .body("type", endsWith("/ticket-wrong-state"));
        admin().get("/tickets/TCK-19990101-0001").then().statusCode(404).contentType(startsWith(PROBLEM));
        admin().contentType(ContentType.JSON).body("{}").post("/tickets/" + swapTicketId + "/assign")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("detail", notNullValue());
        staff20().contentType(ContentType.JSON).body(Map.of("swap_id", swapId, "faulty", false))
                .post("/swap/complete").then().statusCode(400).contentType(startsWith(PROBLEM));
        rider().get("/tickets").then().statusCode(403).contentType(startsWith(PROBLEM));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static JsonPath faults(String batteryId) {
        return staff20().get("/tickets/battery/" + batteryId + "/faults").then().statusCode(200).extract().jsonPath();
    }

    /** The battery's history once staff-service has recorded and screened {@code count} faults. */
    private static JsonPath faultsOnceProcessed(String batteryId, int count) {
        return OpsPolling.until(count + " screened fault(s) of " + batteryId, Duration.ofSeconds(30),
                () -> faults(batteryId), h -> h.getInt("fault_count") == count
                        && h.getList("faults").stream().allMatch(f -> map(f).get("screening") != null));
    }

    private static Map<String, Object> faultOtherThan(JsonPath history, String faultId) {
        return history.getList("faults").stream().map(FaultResolutionE2ETest::map)
                .filter(f -> !faultId.equals(f.get("fault_id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no fault besides " + faultId + ": " + history.prettify()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> snapshot(List<String> batteries) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String station : List.of(SWAP_STATION, TELEMETRY_STATION)) {
            s.put(station + " inventory", admin().get("/station/" + station).then().statusCode(200).extract().path("inventory"));
        }
        for (String battery : batteries) {
            JsonPath h = admin().get("/tickets/battery/" + battery + "/faults").then().statusCode(200).extract().jsonPath();
            s.put(battery + " faults", h.getList("faults.fault_id") + " " + h.getList("faults.status"));
            s.put(battery + " tickets", h.getList("tickets.id") + " " + h.getList("tickets.status"));
            s.put(battery + " status", admin().get("/batteries/" + battery).then().extract().path("status"));
            OpsPolling.pause(Duration.ofMillis(200));
        }
        JsonPath credits = rider().get("/credits/" + RIDER_ID).then().statusCode(200).extract().jsonPath();
        s.put("rider credits", credits.getString("balance") + "/" + credits.getString("entry_count"));
        s.put("swap", rider().get("/swap/" + swapId).then().statusCode(200).extract().path("status"));
        return s;
    }
}
