package io.navswap.logistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.embedded.TestTokens;
import io.navswap.logistics.domain.CreditEntry;
import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.domain.TransportJob;
import io.navswap.logistics.repository.CreditLedgerRepository;
import io.navswap.logistics.repository.TransportJobRepository;
import io.navswap.logistics.seed.LogisticsSeeder;
import io.navswap.logistics.support.Events;
import io.navswap.logistics.support.Poll;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.Subjects;
import io.navswap.shared.events.SwapCompleted;
import io.navswap.shared.events.Topics;
import io.navswap.shared.seed.SeedCatalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The credits ledger (one entry per source, whatever arrives twice) and the demo seed. */
@QuarkusTest
class CreditsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper mapper;
    @Inject
    CreditLedgerRepository ledger;
    @Inject
    TransportJobRepository jobs;
    @Inject
    LogisticsSeeder seeder;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Events events;

    @BeforeEach
    void setUp() {
        events = new Events(bootstrap, mapper);
    }

    @Test
    void redeliveredSwapCompletedBooksLoyaltyOnce() {
        String rider = "usr-c-ledger-1";
        String swapId = "SWP-LEDGER-" + Events.newId().substring(0, 8);
        String key = Subjects.station("ST-LEDGER");
        String event = swapCompleted(Events.newId(), swapId, rider, 10);
        // The same event twice, then the same swap announced again under a new event id.
        events.send(Topics.SWAPS, key, event, event, swapCompleted(Events.newId(), swapId, rider, 10));
        // A later swap of the same station (same partition): once it is booked, the three before it were seen.
        String marker = "SWP-MARKER-" + Events.newId().substring(0, 8);
        events.send(Topics.SWAPS, key, swapCompleted(Events.newId(), marker, rider, 5));
        CreditEntry markerEntry = Poll.until(
                () -> ledger.findBySourceKey(CreditEntry.swapCompletedKey(marker)).await().indefinitely(),
                e -> e != null, WAIT);
        assertNotNull(markerEntry, "swap.completed was not consumed");

        given().header("Authorization", TestTokens.bearer(rider, "consumer")).get("/credits/" + rider)
                .then().statusCode(200)
                .body("user_id", equalTo(rider))
                .body("entry_count", equalTo(2))
                .body("balance", equalTo(15.0f))
                .body("entries[0].reference_id", equalTo(marker))
                .body("entries[1].reference_id", equalTo(swapId))
                .body("entries[1].kind", equalTo("swap_loyalty"))
                .body("entries[1].amount", equalTo(10.0f));
    }

    @Test
    void creditsAreForTheirOwnerAndAdmins() {
        given().header("Authorization", TestTokens.bearer("usr-c-other", "consumer")).get("/credits/usr-c-ledger-2")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().header("Authorization", TestTokens.bearer("usr-a-1", "admin")).get("/credits/usr-c-ledger-2")
                .then().statusCode(200).body("balance", equalTo(0.0f)).body("entry_count", equalTo(0));
        given().header("Authorization", TestTokens.bearer("usr-c-ledger-2", "consumer"))
                .queryParam("size", 0).get("/credits/usr-c-ledger-2").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().get("/credits/usr-c-ledger-2").then().statusCode(401);
    }

    @Test
    void seedIsDeterministicIdempotentAndBooksDeliveredJobs() {
        seeder.seed().await().indefinitely();
        int second = seeder.seed().await().indefinitely();
        assertEquals(0, second, "a second seed inserts nothing");

        List<TransportJob> seeded = jobs.mongoCollection()
                .find(com.mongodb.client.model.Filters.regex("_id", "^JOB-SEED-")).collect().asList().await().indefinitely();
        assertEquals(LogisticsSeeder.JOBS, seeded.size());
        Map<JobStatus, Long> byStatus = seeded.stream()
                .collect(Collectors.groupingBy(j -> j.status, Collectors.counting()));
        assertEquals(EnumSet.allOf(JobStatus.class), EnumSet.copyOf(byStatus.keySet()), "every state: " + byStatus);
        assertTrue(seeded.stream().allMatch(j -> j.outbox.isEmpty()), "history emits no events");
        Map<String, Long> heldPerTransporter = seeded.stream().filter(j -> JobStatus.HELD.contains(j.status))
                .collect(Collectors.groupingBy(j -> j.transporterId, Collectors.counting()));
        assertTrue(heldPerTransporter.values().stream().allMatch(n -> n <= 2), heldPerTransporter.toString());
        assertTrue(seeded.stream().anyMatch(j -> j.sourceId.startsWith("PS-") || j.destinationId.startsWith("PS-")));
        // The jobs under way carry the batteries station-service's seed holds in transit with them.
        List<TransportJob> underWay = seeded.stream().filter(j -> j.status == JobStatus.PICKED_UP)
                .sorted(java.util.Comparator.comparing(j -> j.id)).toList();
        assertEquals(SeedCatalog.inTransitJobs().size(), underWay.size());
        for (int i = 0; i < underWay.size(); i++) {
            SeedCatalog.InTransitJob expected = SeedCatalog.inTransitJobs().get(i);
            TransportJob job = underWay.get(i);
            assertEquals(expected.jobId(), job.id);
            assertEquals(expected.sourceStationId(), job.sourceId);
            assertEquals(expected.destinationStationId(), job.destinationId);
            assertEquals(expected.batteryIds(), job.batteryIds);
            assertEquals(expected.batteryIds().size(), job.batteryCount);
        }
        assertTrue(seeded.stream().filter(j -> j.status != JobStatus.PICKED_UP).allMatch(j -> j.batteryIds.isEmpty()),
                "only the jobs under way name batteries");

        for (TransportJob job : seeded.stream().filter(j -> j.status == JobStatus.DELIVERED).toList()) {
            CreditEntry entry = ledger.findBySourceKey(CreditEntry.jobDeliveredKey(job.id)).await().indefinitely();
            assertNotNull(entry, "ledger entry of " + job.id);
            assertEquals(job.transporterId, entry.userId);
            assertEquals(job.earnedCredits, entry.amount, 0.001);
        }
    }

    private String swapCompleted(String eventId, String swapId, String rider, int credits) {
        return events.envelope(eventId, EventTypes.SWAP_COMPLETED, "swap-service", Subjects.station("ST-LEDGER"),
                new SwapCompleted(swapId, "RES-" + swapId, rider, "ST-LEDGER", "usr-s-001", "BAT-OLD", "BAT-NEW", 88.0,
                        false, false, 170, credits, Instant.now()));
    }
}
