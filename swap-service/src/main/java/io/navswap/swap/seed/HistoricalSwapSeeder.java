package io.navswap.swap.seed;

import io.navswap.swap.config.SwapConfig;
import io.navswap.swap.domain.Swap;
import io.navswap.swap.repository.SwapIndexes;
import io.navswap.swap.repository.SwapRepository;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds the 200 historical swaps when {@code navswap.seed.enabled=true}: insert-if-absent by fixed id, so a
 * restart (or a second replica) adds nothing. History, not live changes: no outbox entries, no events.
 */
@Singleton
public class HistoricalSwapSeeder {
    private static final Logger LOG = Logger.getLogger(HistoricalSwapSeeder.class);

    private final SwapRepository swaps;
    private final SwapConfig config;
    private final boolean enabled;

    HistoricalSwapSeeder(SwapRepository swaps, SwapConfig config,
            @ConfigProperty(name = "navswap.seed.enabled") boolean enabled) {
        this.swaps = swaps;
        this.config = config;
        this.enabled = enabled;
    }

    void onStart(@Observes @Priority(SwapIndexes.STARTUP_PRIORITY + 10) StartupEvent start) {
        if (enabled) {
            int inserted = seed(Instant.now()).await().atMost(Duration.ofSeconds(60));
            LOG.infof("Seeded %d historical swaps (%d already present)", inserted, HistoricalSwaps.COUNT - inserted);
        }
    }

    /** Inserts the missing historical swaps; answers how many were inserted. */
    public Uni<Integer> seed(Instant now) {
        List<Swap> history = HistoricalSwaps.generate(now, config.loyaltyCredits());
        return swaps.existingIds(history.stream().map(s -> s.id).toList())
                .chain(existing -> insertMissing(history, existing));
    }

    private Uni<Integer> insertMissing(List<Swap> history, Set<String> existing) {
        return Multi.createFrom().iterable(history)
                .filter(swap -> !existing.contains(swap.id))
                .onItem().transformToUniAndConcatenate(swaps::insertIfAbsent)
                .filter(Boolean::booleanValue)
                .collect().with(java.util.stream.Collectors.counting())
                .map(Long::intValue);
    }
}
