package io.navswap.staff.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.navswap.embedded.TestTokens;
import io.navswap.shared.events.EventEnvelope;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.FaultRecorded;
import io.navswap.shared.events.Subjects;
import io.navswap.staff.Eventually;
import io.navswap.staff.FaultsTopic;
import io.navswap.staff.repository.FaultRepository;
import io.navswap.staff.service.FaultEscalationService;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The three fault levels driven by real {@code fault.recorded} events on Kafka, observed over REST and Kafka. */
@QuarkusTest
class FaultPipelineTest {
    static final String ADMIN = TestTokens.bearer("usr-a-001", "admin");
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper mapper;

    @Inject
    FaultRepository faultRepository;

    @Inject
    FaultEscalationService escalation;

    @Inject
    ReactiveMongoClient mongo;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    EventEnvelope faultRecorded(String faultId, String batteryId, String stationId, double soh, String reason,
            Instant recordedAt) {
        FaultRecorded data = new FaultRecorded(faultId, batteryId, stationId, 1, reason, soh, 900, 31.5,
                "swap-" + faultId, recordedAt);
        return EventEnvelope.of(EventTypes.FAULT_RECORDED, "station-service", Subjects.battery(batteryId),
                mapper.valueToTree(data));
    }

    static JsonPath history(String batteryId) {
        return given().header("Authorization", ADMIN).when().get("/tickets/battery/" + batteryId + "/faults")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitLevel(String batteryId, int level) {
        return Eventually.await(WAIT, () -> history(batteryId), h -> h.getInt("highest_level") >= level,
                "battery " + batteryId + " at level " + level);
    }

    static void shiftNow(String staffId, String stationId) {
        Instant now = Instant.now();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("staff_id", staffId, "station_id", stationId,
                        "starts_at", now.minus(Duration.ofHours(1)).toString(),
                        "ends_at", now.plus(Duration.ofHours(8)).toString()))
                .when().post("/staff/assignments").then().statusCode(201);
    }

    static boolean onDuty(String stationId, String staffId) {
        return given().header("Authorization", ADMIN).queryParam("station_id", stationId)
                .queryParam("staff_id", staffId).when().get("/staff/on-duty").then().statusCode(200)
                .extract().path("on_duty");
    }

    @Test
    void sohSeventyFaultIsRecordedDiagnosedAndTicketedWhenTheModelSaysCritical() {
        String technician = unique("stf-flt-a");
        shiftNow(technician, "ST-FLT-A");
        String battery = unique("BAT-T-P93");
        String faultId = unique("FLT");
        FaultsTopic.send(mapper, faultRecorded(faultId, battery, "ST-FLT-A", 70.0, "SOH below 75 % at return",
                Instant.now()));

        JsonPath h = awaitLevel(battery, 3);
        assertEquals(1, h.getInt("fault_count"));
        assertEquals("ticketed", h.getString("faults[0].status"));
        assertEquals(0.93f, h.getFloat("faults[0].screening.fault_probability"));
        assertEquals("onnx", h.getString("faults[0].diagnosis.fault_source"));
        // staff-service cannot send the trend model's average temperature, fast-charge share and depth of
        // discharge, so ai-service answers with its own fallback (linear decline) and says so.
        assertEquals("fallback", h.getString("faults[0].diagnosis.trend_source"));
        assertEquals(-3.333f, h.getFloat("faults[0].diagnosis.soh_slope_per_100_cycles"), 0.001f);
        assertTrue(h.getList("faults[0].diagnosis.triggers").contains("high_probability"));
        assertTrue(h.getBoolean("faults[0].diagnosis.escalate"));
        assertNotNull(h.getString("faults[0].diagnosis.suggested_fix"));

        assertEquals(1, h.getList("tickets").size());
        String ticketId = h.getString("tickets[0].id");
        assertTrue(ticketId.matches("TCK-\\d{8}-\\d{4}"), ticketId);
        assertEquals("open", h.getString("tickets[0].status"));
        assertEquals("critical", h.getString("tickets[0].priority"));
        assertEquals(faultId, h.getString("tickets[0].source_fault_id"));
        assertEquals(Duration.ofHours(4), Duration.between(Instant.parse(h.getString("tickets[0].opened_at")),
                Instant.parse(h.getString("tickets[0].sla_due_at"))));
        String assignee = h.getString("tickets[0].assignee_id");
        assertTrue(onDuty("ST-FLT-A", assignee), "assigned to a technician on duty at the station");
        assertTrue(h.getString("tickets[0].assignment_note").contains("on duty at ST-FLT-A"));

        List<JsonNode> events = FaultsTopic.read(mapper, Subjects.battery(battery),
                found -> FaultsTopic.types(found).containsAll(List.of(EventTypes.FAULT_DIAGNOSED,
                        EventTypes.TICKET_OPENED)), WAIT);
        JsonNode diagnosed = events.stream().filter(e -> e.path("type").asText().equals(EventTypes.FAULT_DIAGNOSED))
                .findFirst().orElseThrow();
        assertEquals("staff-service", diagnosed.path("source").asText());
        assertEquals(faultId, diagnosed.path("data").path("fault_id").asText());
        assertTrue(diagnosed.path("data").path("escalate").asBoolean());
        JsonNode opened = events.stream().filter(e -> e.path("type").asText().equals(EventTypes.TICKET_OPENED))
                .findFirst().orElseThrow();
        assertEquals(ticketId, opened.path("data").path("ticket_id").asText());
        assertEquals("open", opened.path("data").path("status").asText());
        assertEquals(assignee, opened.path("data").path("assignee_id").asText());
    }

    @Test
    void secondFaultOfTheSameBatteryWithinThirtyDaysEscalates() {
        String station = unique("ST-REC");
        String battery = unique("BAT-T-P30");
        String first = unique("FLT");
        FaultsTopic.send(mapper, faultRecorded(first, battery, station, 88.0, "flagged faulty at the counter",
                Instant.now().minus(Duration.ofDays(10))));
        JsonPath afterFirst = Eventually.await(WAIT, () -> history(battery),
                h -> h.getInt("fault_count") == 1 && h.get("faults[0].screening") != null, "first fault screened");
        assertEquals(1, afterFirst.getInt("highest_level"));
        assertEquals("recorded", afterFirst.getString("faults[0].status"));
        assertNull(afterFirst.get("faults[0].diagnosis"));
        assertTrue(afterFirst.getList("tickets").isEmpty());

        String second = unique("FLT");
        FaultsTopic.send(mapper, faultRecorded(second, battery, station, 86.0, "flagged faulty at the counter",
                Instant.now()));
        JsonPath h = awaitLevel(battery, 3);
        assertEquals(2, h.getInt("fault_count"));
        assertEquals(second, h.getString("faults[0].fault_id"));
        assertTrue(h.getList("faults[0].diagnosis.triggers").contains("recurring"));
        assertTrue(h.getString("faults[0].diagnosis.diagnosis").contains("Recurring: 2 faults"));
        assertEquals(1, h.getList("tickets").size());
        assertEquals("high", h.getString("tickets[0].priority"));
        assertEquals(java.util.Set.of(first, second), java.util.Set.copyOf(h.getList("tickets[0].fault_ids")));
        assertEquals("ticketed", h.getString("faults[1].status"), "the earlier fault joins the ticket too");
        assertNull(h.get("tickets[0].assignee_id"), "nobody on duty at or near an unknown station");
    }

    @Test
    void sohBelowTheRetirementLineIsTicketedAsCriticalEvenWhenTheModelSaysLow() {
        String battery = unique("BAT-T-P10");
        FaultsTopic.send(mapper, faultRecorded(unique("FLT"), battery, unique("ST-EOL"), 55.0,
                "SOH 55.0 % below threshold", Instant.now()));
        JsonPath h = awaitLevel(battery, 3);
        assertEquals(0.1f, h.getFloat("faults[0].screening.fault_probability"));
        assertEquals(List.of("critical_soh"), h.getList("faults[0].diagnosis.triggers"));
        assertTrue(h.getBoolean("faults[0].diagnosis.escalate"));
        assertEquals("critical", h.getString("tickets[0].priority"));
    }

    @Test
    void redeliveredEventsGiveOneFaultAndOneTicket() {
        String battery = unique("BAT-T-P95");
        String faultId = unique("FLT");
        EventEnvelope event = faultRecorded(faultId, battery, unique("ST-DUP"), 70.0, "SOH below 75 % at return",
                Instant.now());
        FaultsTopic.send(mapper, event);
        FaultsTopic.send(mapper, event);
        // The same fault re-published under a new event id (a producer retry without its outbox).
        EventEnvelope republished = new EventEnvelope(UUID.randomUUID().toString(), event.type(), event.occurredAt(),
                event.source(), event.subject(), event.data());
        FaultsTopic.send(mapper, republished);

        Eventually.await(WAIT, () -> mongo.getDatabase("navswap_staff").getCollection("processed_events")
                .find(Filters.eq("_id", "staff-service.faults:" + republished.eventId())).collect().first()
                .await().indefinitely(), (Document d) -> true, "the last copy to be processed");
        JsonPath h = awaitLevel(battery, 3);
        assertEquals(1, h.getInt("fault_count"));
        assertEquals(1, h.getList("tickets").size());
        given().header("Authorization", ADMIN).queryParam("station_id", h.getString("tickets[0].station_id"))
                .when().get("/tickets").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aiServiceDownGivesAFallbackDiagnosis() {
        String battery = unique("BAT-T-AIDOWN");
        String faultId = unique("FLT");
        FaultsTopic.send(mapper, faultRecorded(faultId, battery, unique("ST-AID"), 70.0, "SOH below 75 % at return",
                Instant.now()));
        JsonPath h = awaitLevel(battery, 2);
        assertEquals("diagnosed", h.getString("faults[0].status"));
        assertEquals("local-fallback", h.getString("faults[0].diagnosis.fault_source"));
        assertEquals("staff-service-heuristic-1", h.getString("faults[0].diagnosis.fault_model_version"));
        assertEquals("local-fallback", h.getString("faults[0].diagnosis.trend_source"));
        assertEquals(0.75f, h.getFloat("faults[0].diagnosis.fault_probability"));
        assertEquals("high", h.getString("faults[0].diagnosis.risk_level"));
        assertEquals(-3.333f, h.getFloat("faults[0].diagnosis.soh_slope_per_100_cycles"), "linear decline: (70 − 100) / 900 cycles");
        assertFalse(h.getBoolean("faults[0].diagnosis.escalate"), "0.75 < 0.9, first fault, SOH ≥ 60");
        assertTrue(h.getList("tickets").isEmpty());
        List<JsonNode> events = FaultsTopic.read(mapper, Subjects.battery(battery),
                found -> FaultsTopic.types(found).contains(EventTypes.FAULT_DIAGNOSED), WAIT);
        assertTrue(FaultsTopic.types(events).contains(EventTypes.FAULT_DIAGNOSED));
    }

    @Test
    void ticketGoesToTheNearestStaffedStationWhenNobodyIsOnDutyAtTheFaultsStation() {
        shiftNow(unique("stf-near"), "ST-FLT-A");
        shiftNow(unique("stf-far"), "ST-FLT-C");
        String battery = unique("BAT-T-P91");
        FaultsTopic.send(mapper, faultRecorded(unique("FLT"), battery, "ST-FLT-B", 70.0, "SOH below 75 % at return",
                Instant.now()));
        JsonPath h = awaitLevel(battery, 3);
        String assignee = h.getString("tickets[0].assignee_id");
        assertTrue(onDuty("ST-FLT-A", assignee), "nearest staffed station is ST-FLT-A (2.2 km), not ST-FLT-C");
        assertTrue(h.getString("tickets[0].assignment_note").contains("nearest staffed station ST-FLT-A (2.2 km)"),
                h.getString("tickets[0].assignment_note"));
    }

    @Test
    void faultLeftUnresolvedGetsATicketAfterTheConfiguredTime() {
        String battery = unique("BAT-T-P20");
        String faultId = unique("FLT");
        FaultsTopic.send(mapper, faultRecorded(faultId, battery, unique("ST-UNR"), 90.0,
                "flagged faulty at the counter", Instant.now()));
        Eventually.await(WAIT, () -> history(battery), h -> h.get("faults[0].screening") != null, "screened fault");
        escalation.escalateUnresolved().await().indefinitely();
        assertTrue(history(battery).getList("tickets").isEmpty(), "not yet: received just now");

        faultRepository.mongoCollection().updateOne(Filters.eq("_id", faultId),
                Updates.set("receivedAt", java.util.Date.from(Instant.now().minus(Duration.ofHours(25)))))
                .await().indefinitely();
        escalation.escalateUnresolved().await().indefinitely();
        JsonPath h = history(battery);
        assertEquals(3, h.getInt("highest_level"));
        assertEquals("low", h.getString("tickets[0].priority"));
        assertTrue(h.getString("tickets[0].description").contains("not resolved within"));
    }
}
