package io.navswap.swap.repository;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Creates the indexes of {@code swaps} at startup, before the seeder and the first request. */
@Singleton
public class SwapIndexes {
    /** Lower runs first: the seeder observes with a higher priority. */
    public static final int STARTUP_PRIORITY = 10;

    void create(@Observes @Priority(STARTUP_PRIORITY) StartupEvent start, SwapRepository swaps) {
        swaps.ensureIndexes().await().atMost(Duration.ofSeconds(30));
    }
}
