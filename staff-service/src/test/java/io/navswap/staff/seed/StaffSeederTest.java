package io.navswap.staff.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.navswap.embedded.TestTokens;
import io.navswap.shared.seed.SeedCatalog;
import io.navswap.staff.domain.Fault;
import io.navswap.staff.domain.FaultStatus;
import io.navswap.staff.domain.Ticket;
import io.navswap.staff.domain.TicketOutcome;
import io.navswap.staff.domain.TicketStatus;
import io.navswap.staff.repository.FaultRepository;
import io.navswap.staff.repository.TicketRepository;
import io.navswap.staff.seed.StaffSeeder.SeedReport;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffSeederTest {

    @Inject
    StaffSeeder seeder;

    @Inject
    FaultRepository faults;

    @Inject
    TicketRepository tickets;

    @Test
    void seedIsDeterministicIdempotentAndSpreadOverTheThreeLevels() {
        SeedReport first = seeder.seed().await().indefinitely();
        SeedReport second = seeder.seed().await().indefinitely();
        assertEquals(new SeedReport(0, 0, 0), second, "a second run inserts nothing");
        assertTrue(first.shifts() == 0 || first.shifts() == 30 * 8, "30 staff × 8 days: " + first);

        List<Fault> seeded = faults.mongoCollection().find(Filters.regex("_id", "^FLT-SEED-")).collect().asList()
                .await().indefinitely();
        Map<Integer, Long> cases = seeded.stream().filter(f -> !f.id.endsWith("-A"))
                .collect(Collectors.groupingBy(f -> f.level, Collectors.counting()));
        assertEquals(Map.of(1, 8L, 2, 10L, 3, 12L), cases);
        assertTrue(seeded.stream().filter(f -> f.level == 3).allMatch(f -> f.status == FaultStatus.TICKETED
                && f.ticketId != null));
        assertTrue(seeded.stream().allMatch(f -> f.outbox.isEmpty()), "no events for history");

        Set<String> ticketIds = seeded.stream().map(f -> f.ticketId).filter(id -> id != null).collect(Collectors.toSet());
        List<Ticket> seededTickets = tickets.mongoCollection().find(Filters.in("_id", ticketIds)).collect().asList()
                .await().indefinitely();
        assertEquals(12, seededTickets.size());
        assertEquals(Set.of(TicketStatus.values()), seededTickets.stream().map(t -> t.status).collect(Collectors.toSet()));
        assertTrue(seededTickets.stream().allMatch(t -> t.id.matches("TCK-\\d{8}-\\d{4}") && t.outbox.isEmpty()));
        // The faults are about the batteries station-service's seed holds quarantined, one case each ...
        for (SeedCatalog.FaultBattery subject : SeedCatalog.faultBatteries()) {
            Fault fault = seeded.stream().filter(f -> f.id.equals(subject.faultId())).findFirst().orElseThrow();
            assertEquals(subject.batteryId(), fault.batteryId, subject.faultId());
            assertEquals(subject.stationId(), fault.stationId, subject.faultId());
        }
        assertEquals(SeedCatalog.FAULT_CASES, cases.values().stream().mapToLong(Long::longValue).sum());
        // ... so no seeded ticket says "repaired": that would have returned its battery to service.
        assertTrue(seededTickets.stream().noneMatch(t -> t.outcome == TicketOutcome.REPAIRED),
                "seeded outcomes: " + seededTickets.stream().map(t -> t.outcome).toList());
        assertTrue(seededTickets.stream().filter(t -> t.outcome != null).count() >= 4, "resolved history exists");

        String staff = SeedCatalog.users("staff").get(0).id();
        String home = SeedCatalog.homeStationOfStaff(1).id();
        given().header("Authorization", TestTokens.bearer(staff, "staff"))
                .queryParam("station_id", home).queryParam("staff_id", staff)
                .when().get("/staff/on-duty").then().statusCode(200).body("on_duty", equalTo(true));
        given().header("Authorization", TestTokens.bearer(staff, "staff"))
                .when().get("/staff/station/" + SeedCatalog.homeStationOfStaff(26).id())
                .then().statusCode(200).body("on_duty_count", equalTo(2));
    }
}
