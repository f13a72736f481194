package io.navswap.staff.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.embedded.TestTokens;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.Subjects;
import io.navswap.staff.FaultsTopic;
import io.navswap.staff.domain.Fault;
import io.navswap.staff.domain.FaultStatus;
import io.navswap.staff.domain.Priority;
import io.navswap.staff.domain.Ticket;
import io.navswap.staff.repository.FaultRepository;
import io.navswap.staff.service.TicketService;
import io.navswap.staff.service.TicketService.OpenReason;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TicketResourceTest {
    static final String ADMIN = TestTokens.bearer("usr-a-001", "admin");

    @Inject
    FaultRepository faults;

    @Inject
    TicketService tickets;

    @Inject
    ObjectMapper mapper;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A level-1 fault stored directly, and its ticket opened through the service (no Kafka needed here). */
    Ticket openTicket(String batteryId, String stationId, Priority priority) {
        Fault fault = new Fault();
        fault.id = unique("FLT-TK");
        fault.eventId = unique("evt");
        fault.batteryId = batteryId;
        fault.stationId = stationId;
        fault.level = 1;
        fault.status = FaultStatus.RECORDED;
        fault.reason = "SOH below 75 % at return";
        fault.soh = 58.0;
        fault.recordedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        fault.receivedAt = fault.recordedAt;
        faults.persist(fault).await().indefinitely();
        return tickets.openForFault(fault, new OpenReason(priority, "Battery " + batteryId, "test ticket",
                "replace the pack", "test")).await().indefinitely();
    }

    @Test
    void ticketLifecycleEnforcesStatesAndWhoMayAct() {
        String battery = unique("BAT-TK");
        Ticket ticket = openTicket(battery, unique("ST-TK"), Priority.CRITICAL);
        String id = ticket.id;
        String technician = unique("stf-tech");
        String tech = TestTokens.bearer(technician, "staff");
        String other = TestTokens.bearer(unique("stf-other"), "staff");

        given().header("Authorization", ADMIN).when().get("/tickets/" + id)
                .then().statusCode(200).body("status", equalTo("open")).body("level", equalTo(3))
                .body("priority", equalTo("critical")).body("assignee_id", equalTo(null));
        given().header("Authorization", ADMIN).when().post("/tickets/" + id + "/start")
                .then().statusCode(409).body("type", equalTo("https://navswap.io/problems/ticket-unassigned"));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("assignee_id", technician))
                .when().post("/tickets/" + id + "/assign")
                .then().statusCode(200).body("assignee_id", equalTo(technician));
        given().header("Authorization", tech).contentType(ContentType.JSON).body(Map.of("assignee_id", "me"))
                .when().post("/tickets/" + id + "/assign").then().statusCode(403);

        given().header("Authorization", other).when().post("/tickets/" + id + "/start")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().header("Authorization", tech).contentType(ContentType.JSON).body(Map.of("outcome", "repaired"))
                .when().post("/tickets/" + id + "/resolve")
                .then().statusCode(409).body("type", equalTo("https://navswap.io/problems/ticket-wrong-state"));
        given().header("Authorization", tech).when().post("/tickets/" + id + "/start")
                .then().statusCode(200).body("status", equalTo("in_progress"));
        given().header("Authorization", tech).when().post("/tickets/" + id + "/start")
                .then().statusCode(409).body("type", equalTo("https://navswap.io/problems/ticket-wrong-state"));
        given().header("Authorization", ADMIN).when().post("/tickets/" + id + "/close")
                .then().statusCode(409);
        given().header("Authorization", other).contentType(ContentType.JSON).body(Map.of("outcome", "repaired"))
                .when().post("/tickets/" + id + "/resolve").then().statusCode(403);

        given().header("Authorization", tech).contentType(ContentType.JSON)
                .body(Map.of("outcome", "repaired", "notes", "replaced a weak module, SOH 81 % after balancing"))
                .when().post("/tickets/" + id + "/resolve")
                .then().statusCode(200).body("status", equalTo("resolved")).body("outcome", equalTo("repaired"))
                .body("resolved_by", equalTo(technician));

        List<JsonNode> events = FaultsTopic.read(mapper, Subjects.battery(battery),
                found -> FaultsTopic.types(found).contains(EventTypes.TICKET_RESOLVED), Duration.ofSeconds(20));
        JsonNode resolved = events.stream().filter(e -> e.path("type").asText().equals(EventTypes.TICKET_RESOLVED))
                .findFirst().orElseThrow(() -> new AssertionError("no ticket.resolved for " + battery));
        assertEquals("repaired", resolved.path("data").path("outcome").asText());
        assertEquals(battery, resolved.path("data").path("battery_id").asText());
        assertEquals(id, resolved.path("data").path("ticket_id").asText());
        assertEquals("resolved", resolved.path("data").path("status").asText());
        assertTrue(FaultsTopic.types(events).contains(EventTypes.TICKET_OPENED));

        given().header("Authorization", tech).when().post("/tickets/" + id + "/close").then().statusCode(403);
        given().header("Authorization", ADMIN).when().post("/tickets/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("closed"))
                .body("history.action", equalTo(List.of("opened", "assigned", "started", "resolved", "closed")));
        given().header("Authorization", tech).contentType(ContentType.JSON).body(Map.of("outcome", "repaired"))
                .when().post("/tickets/" + id + "/resolve").then().statusCode(409);

        given().header("Authorization", tech).when().get("/tickets/battery/" + battery + "/faults")
                .then().statusCode(200).body("faults[0].status", equalTo("resolved"))
                .body("faults[0].ticket_status", equalTo("closed"));

        // The battery's ticket is no longer active: a new fault opens a new ticket.
        Ticket next = openTicket(battery, ticket.stationId, Priority.HIGH);
        assertNotEquals(id, next.id);
    }

    @Test
    void aFurtherFaultOfABatteryJoinsItsActiveTicketAndRaisesPriority() {
        String battery = unique("BAT-TKJ");
        String station = unique("ST-TKJ");
        Ticket first = openTicket(battery, station, Priority.MEDIUM);
        Ticket second = openTicket(battery, station, Priority.CRITICAL);
        assertEquals(first.id, second.id);
        given().header("Authorization", ADMIN).when().get("/tickets/" + first.id)
                .then().statusCode(200).body("priority", equalTo("critical")).body("fault_ids", hasSize(2));
    }

    @Test
    void ticketListFiltersAndValidates() {
        String station = unique("ST-TKL");
        openTicket(unique("BAT-TKL"), station, Priority.HIGH);
        openTicket(unique("BAT-TKL"), station, Priority.LOW);
        String staff = TestTokens.bearer(unique("stf-list"), "staff");

        given().header("Authorization", staff).queryParam("station_id", station)
                .when().get("/tickets").then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(2));
        given().header("Authorization", staff).queryParam("station_id", station).queryParam("priority", "high")
                .queryParam("status", "open")
                .when().get("/tickets").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].priority", equalTo("high"));
        given().header("Authorization", staff).queryParam("station_id", station).queryParam("size", 1)
                .queryParam("page", 1)
                .when().get("/tickets").then().statusCode(200).body("items", hasSize(1)).body("page", equalTo(1));
        given().header("Authorization", staff).queryParam("status", "pending").queryParam("size", 500)
                .when().get("/tickets").then().statusCode(400)
                .body("type", equalTo("https://navswap.io/problems/validation-failed"))
                .body("errors.field", hasItem("status")).body("errors.field", hasItem("size"));
        given().header("Authorization", TestTokens.bearer("usr-c-001", "consumer"))
                .when().get("/tickets").then().statusCode(403);
        given().header("Authorization", staff).when().get("/tickets/TCK-20000101-0001")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void resolveNeedsAKnownOutcome() {
        Ticket ticket = openTicket(unique("BAT-TKR"), unique("ST-TKR"), Priority.LOW);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("outcome", "fixed-ish"))
                .when().post("/tickets/" + ticket.id + "/resolve")
                .then().statusCode(400).body("errors.field", hasItem("outcome"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("notes", "x"))
                .when().post("/tickets/" + ticket.id + "/resolve")
                .then().statusCode(400).body("errors.field", hasItem("outcome"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of())
                .when().post("/tickets/" + ticket.id + "/assign")
                .then().statusCode(400).body("errors.field", hasItem("assignee_id"));
    }
}
