package io.navswap.shared.events;

import java.time.Instant;

/** A reservation moved to {@code status}; the station's queue read model is fed from these. */
public record ReservationChanged(
        String reservationId,
        String userId,
        String stationId,
        String status,
        String previousStatus,
        Double batterySohMin,
        String swapId,
        String staffId,
        Instant changedAt) {
}
