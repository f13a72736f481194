package io.navswap.swap.rest;

import io.navswap.swap.service.SwapStatistics;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /swap/stats}: {@code active_swaps} (started, not yet completed), {@code completed_today} (since
 * {@code today_starts_at}, 00:00 UTC), {@code swaps_per_hour} (every hour of the window, oldest first, the
 * last one the current hour) and per station the swaps at the counter and completed in the window.
 */
public record SwapStatsResponse(Instant asOf, long activeSwaps, long completedToday, Instant todayStartsAt,
        int windowHours, Instant windowStartsAt, long completedInWindow, List<SwapStatistics.HourCount> swapsPerHour,
        List<SwapStatistics.StationCount> stations) {

    static SwapStatsResponse of(SwapStatistics.Stats s) {
        return new SwapStatsResponse(s.asOf(), s.activeSwaps(), s.completedToday(), s.todayStartsAt(), s.windowHours(),
                s.windowStartsAt(), s.completedInWindow(), s.swapsPerHour(), s.stations());
    }
}
