package io.navswap.swap.client;

import java.time.Instant;

/**
 * Answer of staff-service {@code GET /staff/on-duty}; {@code until} is when the duty that makes it true ends
 * (absent when not on duty).
 */
public record OnDutyAnswer(String stationId, String staffId, boolean onDuty, Instant until) {
}
