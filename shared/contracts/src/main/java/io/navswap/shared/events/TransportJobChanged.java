package io.navswap.shared.events;

import java.time.Instant;
import java.util.List;

/**
 * A transport job moved. {@code sourceType}/{@code destinationType} are {@code station} or
 * {@code partner_shop}; station-service moves the named batteries on pickup and delivery.
 */
public record TransportJobChanged(
        String jobId,
        String status,
        String sourceType,
        String sourceId,
        String destinationType,
        String destinationId,
        int batteryCount,
        List<String> batteryIds,
        String transporterId,
        double distanceKm,
        double credits,
        Instant changedAt) {
}
