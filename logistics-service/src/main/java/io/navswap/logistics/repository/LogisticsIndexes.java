package io.navswap.logistics.repository;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Creates the indexes at startup, before the seeder, the consumers and the first request rely on them. */
@Singleton
public class LogisticsIndexes {
    /** Lower runs first: the seeder observes with a higher number. */
    public static final int STARTUP_PRIORITY = 10;

    void create(@Observes @Priority(STARTUP_PRIORITY) StartupEvent start, TransportJobRepository jobs,
            CreditLedgerRepository ledger) {
        jobs.ensureIndexes().chain(ledger::ensureIndexes).await().atMost(Duration.ofSeconds(30));
    }
}
