package io.navswap.shared.events;

import java.time.Instant;

/** Level 3: a human ticket opened or resolved; outcome {@code repaired} returns the battery to service. */
public record TicketChanged(
        String ticketId,
        String number,
        String batteryId,
        String stationId,
        String status,
        String priority,
        String outcome,
        String assigneeId,
        Instant changedAt) {
}
