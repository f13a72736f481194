package io.navswap.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Removes the marks of {@link ProcessedEvents} once their events cannot come back, so that {@code processed_events}
 * stops growing with every event ever consumed. A scheduled delete rather than a TTL index: the embedded MongoDB
 * server does not enforce TTL indexes (PLATFORM-NOTES), and the same code must run on both servers. Replicas may
 * purge at the same time; deleting what another replica deleted is harmless.
 */
@ApplicationScoped
public class ProcessedEventsRetention {
    private static final Logger LOG = Logger.getLogger(ProcessedEventsRetention.class);

    private final ProcessedEvents processed;
    private final ProcessedEventsConfig config;
    private final PeriodicTasks tasks;

    ProcessedEventsRetention(ProcessedEvents processed, ProcessedEventsConfig config, PeriodicTasks tasks) {
        this.processed = processed;
        this.config = config;
        this.tasks = tasks;
    }

    void start(@Observes StartupEvent start) {
        processed.indexAge().await().atMost(Duration.ofSeconds(30));
        tasks.every("processed-events-retention", config.purgeInterval(), this::purge);
    }

    /** Removes the marks older than {@code navswap.processed-events.keep}; answers how many. */
    public Uni<Long> purge() {
        Instant cutoff = Instant.now().minus(config.keep());
        return processed.forgetBefore(cutoff).invoke(removed -> {
            if (removed > 0) {
                LOG.infof("Forgot %d processed-event marks from before %s", removed, cutoff);
            }
        });
    }
}
