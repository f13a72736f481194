package io.navswap.shared.events;

import java.time.Instant;

public record LocationUpdated(
        String userId,
        double latitude,
        double longitude,
        Double accuracy,
        Double speed,
        Double heading,
        Instant recordedAt) {
}
