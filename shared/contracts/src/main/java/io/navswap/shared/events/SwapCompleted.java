package io.navswap.shared.events;

import java.time.Instant;

/**
 * A swap finished at the counter. The inventory already moved (synchronously, at station-service);
 * queue-service completes the reservation, logistics-service books {@code loyaltyCredits} once.
 */
public record SwapCompleted(
        String swapId,
        String reservationId,
        String userId,
        String stationId,
        String staffId,
        String oldBatteryId,
        String newBatteryId,
        Double oldBatterySoh,
        boolean faulty,
        boolean oldBatteryQuarantined,
        int swapDurationSeconds,
        int loyaltyCredits,
        Instant completedAt) {
}
