package io.navswap.messaging;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "navswap.processed-events")
public interface ProcessedEventsConfig {
    /**
     * How long a consumer remembers an applied event: longer than any topic keeps its records (30 days in
     * production, deploy/k8s), so that no redelivery, replay or offset reset can bring back an event it forgot.
     */
    Duration keep();

    /** How often the marks older than {@link #keep()} are removed; zero turns removal off. */
    Duration purgeInterval();
}
