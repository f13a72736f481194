package io.navswap.swap.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** swap-service settings; defaults live in application.properties, environment variables override them. */
@ConfigMapping(prefix = "navswap.swap")
public interface SwapConfig {
    /** Loyalty credits a rider earns per completed swap, announced in {@code swap.completed}. */
    int loyaltyCredits();

    /** How long the last staff-service answer for a (station, staff) pair may stand in when staff-service is down. */
    Duration staffCheckCacheTtl();
}
