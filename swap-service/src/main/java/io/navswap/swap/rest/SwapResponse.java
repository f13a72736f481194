package io.navswap.swap.rest;

import io.navswap.swap.domain.Swap;
import io.navswap.swap.domain.SwapStatus;
import java.time.Instant;

/** A swap as the API shows it (the outbox stays internal). */
public record SwapResponse(
        String swapId,
        String reservationId,
        String userId,
        String userName,
        String stationId,
        String staffId,
        Double batterySohMin,
        SwapStatus status,
        Instant startedAt,
        Instant completedAt,
        String completedBy,
        String oldBatteryId,
        String newBatteryId,
        Double oldBatterySoh,
        Boolean faulty,
        String oldBatteryStatus,
        Boolean quarantined,
        Integer swapDurationSeconds,
        String notes,
        Integer loyaltyCredits,
        String failureReason,
        long version) {

    public static SwapResponse of(Swap s) {
        return new SwapResponse(s.id, s.reservationId, s.userId, s.userName, s.stationId, s.staffId, s.batterySohMin,
                s.status, s.startedAt, s.completedAt, s.completedBy, s.oldBatteryId, s.newBatteryId, s.oldBatterySoh,
                s.faulty, s.oldBatteryStatus, s.quarantined, s.swapDurationSeconds, s.notes, s.loyaltyCredits,
                s.failureReason, s.version);
    }
}
