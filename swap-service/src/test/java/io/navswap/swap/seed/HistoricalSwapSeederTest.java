package io.navswap.swap.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.embedded.TestTokens;
import io.navswap.shared.seed.SeedCatalog;
import io.navswap.swap.domain.Swap;
import io.navswap.swap.domain.SwapStatus;
import io.navswap.swap.repository.SwapRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HistoricalSwapSeederTest {
    @Inject
    HistoricalSwapSeeder seeder;

    @Inject
    SwapRepository swaps;

    @Test
    void generationIsDeterministicAndCoherent() {
        Instant now = Instant.parse("2026-03-01T10:15:00Z");
        List<Swap> first = HistoricalSwaps.generate(now, 10);
        List<Swap> second = HistoricalSwaps.generate(now.plusSeconds(3600), 10);
        assertEquals(200, first.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).id, second.get(i).id);
            assertEquals(first.get(i).startedAt, second.get(i).startedAt);
            assertEquals(first.get(i).newBatteryId, second.get(i).newBatteryId);
        }
        assertEquals("SWP-HIST-001", first.get(0).id);
        assertEquals("SWP-HIST-200", first.get(199).id);

        Instant today = Instant.parse("2026-03-01T00:00:00Z");
        for (Swap swap : first) {
            assertTrue(swap.startedAt.isBefore(today) && !swap.startedAt.isBefore(today.minus(Duration.ofDays(60))));
            assertEquals(swap.quarantined, swap.faulty || swap.oldBatterySoh < 75);
            assertTrue(SeedCatalog.stations().stream().anyMatch(s -> s.id().equals(swap.stationId)));
        }
        // Chronological ids, and each rider's latest swap handed out the battery they ride with at demo start.
        assertTrue(first.stream().map(s -> s.startedAt).toList()
                .equals(first.stream().map(s -> s.startedAt).sorted().toList()));
        Map<String, List<Swap>> byRider = first.stream().collect(Collectors.groupingBy(s -> s.userId));
        byRider.forEach((rider, list) -> {
            Swap latest = list.stream().max(Comparator.comparing(s -> s.startedAt)).orElseThrow();
            assertEquals(SeedCatalog.riderBatteryId(rider), latest.newBatteryId);
        });
    }

    @Test
    void seedingIsIdempotentAndEmitsNoEvents() {
        Instant now = Instant.now();
        int inserted = seeder.seed(now).await().atMost(Duration.ofSeconds(60));
        int again = seeder.seed(now).await().atMost(Duration.ofSeconds(60));

        assertEquals(200, inserted);
        assertEquals(0, again);
        List<String> ids = java.util.stream.IntStream.rangeClosed(1, 200).mapToObj(HistoricalSwaps::swapId).toList();
        List<Swap> seeded = swaps.mongoCollection().find(com.mongodb.client.model.Filters.in("_id", ids))
                .collect().asList().await().indefinitely();
        assertEquals(200, seeded.size());
        assertTrue(seeded.stream().allMatch(s -> s.status == SwapStatus.COMPLETED && s.outbox.isEmpty()));

        Swap newest = seeded.stream().max(Comparator.comparing(s -> s.startedAt)).orElseThrow();
        given().header("Authorization", TestTokens.bearer(newest.userId, "consumer"))
                .when().get("/swap/user/{id}", newest.userId)
                .then().statusCode(200).body("items[0].swap_id", equalTo(newest.id))
                .body("items[0].new_battery_id", equalTo(SeedCatalog.riderBatteryId(newest.userId)));
    }
}
