package io.navswap.staff.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.navswap.embedded.TestTokens;
import io.navswap.messaging.ServiceTokens;
import io.navswap.staff.domain.Fault;
import io.navswap.staff.domain.FaultStatus;
import io.navswap.staff.domain.Priority;
import io.navswap.staff.domain.Ticket;
import io.navswap.staff.domain.TicketStatus;
import io.navswap.staff.repository.FaultRepository;
import io.navswap.staff.repository.TicketRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffStatsResourceTest {
    @Inject
    FaultRepository faults;

    @Inject
    TicketRepository tickets;

    @Inject
    ServiceTokens serviceTokens;

    private static JsonPath stats(String authorization) {
        return given().header("Authorization", authorization).when().get("/staff/stats")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Fault fault(String station, FaultStatus status, Instant recordedAt) {
        Fault f = new Fault();
        f.id = StaffResourceTest.unique("FLT-STATS");
        f.eventId = f.id;
        f.batteryId = StaffResourceTest.unique("BAT-STATS");
        f.stationId = station;
        f.level = status.level();
        f.status = status;
        f.recordedAt = recordedAt;
        // Received just now, so that the unresolved-fault escalation (after 24 h) leaves them alone.
        f.receivedAt = Instant.now();
        return f;
    }

    private static Ticket ticket(String station, TicketStatus status, List<String> faultIds, Instant slaDueAt) {
        Ticket t = new Ticket();
        t.id = StaffResourceTest.unique("TCK-STATS");
        t.number = t.id;
        t.batteryId = StaffResourceTest.unique("BAT-STATS");
        t.stationId = station;
        t.status = status;
        t.priority = Priority.HIGH;
        t.sourceFaultId = faultIds.get(0);
        t.faultIds = faultIds;
        t.activeBatteryKey = status.active() ? t.batteryId : null;
        t.openedAt = Instant.now();
        t.slaDueAt = slaDueAt;
        return t;
    }

    @Test
    void statsCountStaffOnDutyOpenFaultsAndTicketsPerStation() {
        String admin = StaffResourceTest.ADMIN;
        String station = StaffResourceTest.unique("ST-SSTATS");
        String other = StaffResourceTest.unique("ST-SSTATS");
        JsonPath before = stats(admin);

        String first = StaffResourceTest.unique("stf-stats");
        String second = StaffResourceTest.unique("stf-stats");
        String later = StaffResourceTest.unique("stf-stats");
        StaffResourceTest.shiftNow(first, station);
        StaffResourceTest.shiftNow(second, station);
        // A shift that has not started is nobody on duty.
        StaffResourceTest.shift(later, station, Instant.now().plus(Duration.ofHours(2)), Instant.now().plus(Duration.ofHours(6)));

        Instant now = Instant.now();
        Fault recorded = fault(station, FaultStatus.RECORDED, now.minus(Duration.ofHours(1)));
        Fault diagnosed = fault(station, FaultStatus.DIAGNOSED, now.minus(Duration.ofDays(2)));
        Fault onOpenTicket = fault(station, FaultStatus.TICKETED, now.minus(Duration.ofDays(3)));
        Fault alsoOnOpenTicket = fault(station, FaultStatus.TICKETED, now.minus(Duration.ofDays(40)));
        Fault onLateTicket = fault(other, FaultStatus.TICKETED, now.minus(Duration.ofDays(5)));
        Fault onResolvedTicket = fault(other, FaultStatus.TICKETED, now.minus(Duration.ofDays(6)));
        faults.mongoCollection().insertMany(List.of(recorded, diagnosed, onOpenTicket, alsoOnOpenTicket, onLateTicket,
                onResolvedTicket)).await().atMost(Duration.ofSeconds(10));
        tickets.mongoCollection().insertMany(List.of(
                ticket(station, TicketStatus.OPEN, List.of(onOpenTicket.id, alsoOnOpenTicket.id), now.plus(Duration.ofHours(4))),
                ticket(other, TicketStatus.IN_PROGRESS, List.of(onLateTicket.id), now.minus(Duration.ofHours(1))),
                ticket(other, TicketStatus.RESOLVED, List.of(onResolvedTicket.id), now.minus(Duration.ofHours(1)))))
                .await().atMost(Duration.ofSeconds(10));

        JsonPath after = stats(admin);
        assertEquals(before.getLong("staff_on_duty") + 2, after.getLong("staff_on_duty"));
        // Open: 1 recorded + 1 diagnosed + 2 on the open ticket + 1 on the in-progress one; not the resolved one.
        assertEquals(before.getLong("open_faults") + 5, after.getLong("open_faults"));
        assertEquals(after.getLong("open_faults"), after.getLong("faults.open"));
        assertEquals(before.getLong("faults.recorded") + 1, after.getLong("faults.recorded"));
        assertEquals(before.getLong("faults.diagnosed") + 1, after.getLong("faults.diagnosed"));
        assertEquals(before.getLong("faults.on_active_tickets") + 3, after.getLong("faults.on_active_tickets"));
        assertEquals(before.getLong("faults.recorded_last_30_days") + 5, after.getLong("faults.recorded_last_30_days"));
        assertEquals(before.getLong("tickets.by_status.open") + 1, after.getLong("tickets.by_status.open"));
        assertEquals(before.getLong("tickets.by_status.in_progress") + 1, after.getLong("tickets.by_status.in_progress"));
        assertEquals(before.getLong("tickets.by_status.resolved") + 1, after.getLong("tickets.by_status.resolved"));
        assertEquals(before.getLong("tickets.active") + 2, after.getLong("tickets.active"));
        assertEquals(before.getLong("tickets.sla_breached") + 1, after.getLong("tickets.sla_breached"));

        Map<String, Object> mine = after.getMap("stations.find { it.station_id == '" + station + "' }");
        assertEquals(2, ((Number) mine.get("staff_on_duty")).intValue());
        assertEquals(3, ((Number) mine.get("faults_last_30_days")).intValue(), "the 40-day-old fault is outside");
        assertEquals(1, ((Number) mine.get("active_tickets")).intValue());
        Map<String, Object> theirs = after.getMap("stations.find { it.station_id == '" + other + "' }");
        assertEquals(0, ((Number) theirs.get("staff_on_duty")).intValue());
        assertEquals(2, ((Number) theirs.get("faults_last_30_days")).intValue());
        assertEquals(1, ((Number) theirs.get("active_tickets")).intValue());
    }

    @Test
    void divertedStaffCountAtTheTargetStation() {
        String home = StaffResourceTest.unique("ST-SSTATS-HOME");
        String target = StaffResourceTest.unique("ST-SSTATS-TARGET");
        String person = StaffResourceTest.unique("stf-stats-div");
        StaffResourceTest.shiftNow(person, home);
        StaffResourceTest.divert(List.of(person), home, target, 60, 201);

        JsonPath after = stats(StaffResourceTest.ADMIN);
        Map<String, Object> there = after.getMap("stations.find { it.station_id == '" + target + "' }");
        assertEquals(1, ((Number) there.get("staff_on_duty")).intValue());
        Map<String, Object> left = after.getMap("stations.find { it.station_id == '" + home + "' }");
        assertEquals(null, left, "nobody on duty, no fault, no ticket at home: no row");
    }

    @Test
    void statsAreForAdminsAndServicesOnly() {
        stats(serviceTokens.bearer());
        given().header("Authorization", TestTokens.bearer("usr-s-stats", "staff")).when().get("/staff/stats")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("usr-c-stats", "consumer")).when().get("/staff/stats")
                .then().statusCode(403);
        given().when().get("/staff/stats").then().statusCode(401);
    }
}
