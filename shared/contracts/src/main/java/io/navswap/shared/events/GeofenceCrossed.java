package io.navswap.shared.events;

import java.time.Instant;

/** A rider with a live reservation crossed the 1000 m or 500 m ring around its station. */
public record GeofenceCrossed(
        String userId,
        String reservationId,
        String stationId,
        int radiusMeters,
        double distanceMeters,
        String previousStatus,
        String status,
        Instant crossedAt) {
}
