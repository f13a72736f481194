package io.navswap.logistics.service;

import io.navswap.logistics.config.LogisticsConfig;
import io.navswap.logistics.domain.Geo;
import jakarta.enterprise.context.ApplicationScoped;

/** What a job pays: {@code base + distance_km × battery_count × rate}, rounded to cents. */
@ApplicationScoped
public class CreditPolicy {
    private final LogisticsConfig config;

    CreditPolicy(LogisticsConfig config) {
        this.config = config;
    }

    public double credits(double distanceKm, int batteryCount) {
        return Geo.round2(config.credits().base() + distanceKm * batteryCount * config.credits().rate());
    }
}
