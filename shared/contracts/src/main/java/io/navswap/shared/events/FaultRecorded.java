package io.navswap.shared.events;

import java.time.Instant;

/** A battery fault at a level (1 automatic quarantine, 2 AI analysis, 3 human ticket). */
public record FaultRecorded(
        String faultId,
        String batteryId,
        String stationId,
        int level,
        String reason,
        Double soh,
        Integer cycles,
        Double temperatureC,
        String sourceEventId,
        Instant recordedAt) {
}
