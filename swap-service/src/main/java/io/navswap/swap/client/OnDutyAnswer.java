package io.navswap.swap.client;

/** Answer of staff-service {@code GET /staff/on-duty}. */
public record OnDutyAnswer(String stationId, String staffId, boolean onDuty) {
}
