package io.navswap.shared.events;

import java.time.Instant;

/** Level 2: what the fault and battery-trend models say about a fault, and the fix they suggest. */
public record FaultDiagnosed(
        String faultId,
        String batteryId,
        String stationId,
        double faultProbability,
        String riskLevel,
        String diagnosis,
        String suggestedFix,
        boolean escalate,
        Instant diagnosedAt) {
}
