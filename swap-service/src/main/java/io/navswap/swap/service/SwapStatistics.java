package io.navswap.swap.service;

import io.navswap.swap.repository.SwapStatsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Swap figures for the admin dashboards: swaps at the counter now, completions today (UTC day, like the
 * credits of logistics-service) and per hour over a window, and the same per station.
 */
@ApplicationScoped
public class SwapStatistics {
    public static final int MAX_WINDOW_HOURS = 168;
    private static final DateTimeFormatter HOUR_KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    /** One hour of the window: {@code hourStart} (UTC, whole hour) and the swaps completed in it. */
    public record HourCount(Instant hourStart, long completed) {
    }

    public record StationCount(String stationId, long activeSwaps, long completedInWindow) {
    }

    public record Stats(Instant asOf, long activeSwaps, long completedToday, Instant todayStartsAt, int windowHours,
            Instant windowStartsAt, long completedInWindow, List<HourCount> swapsPerHour, List<StationCount> stations) {
    }

    private final SwapStatsRepository repository;

    SwapStatistics(SwapStatsRepository repository) {
        this.repository = repository;
    }

    /**
     * {@code windowHours} buckets of one hour, the last one being the current (partial) hour, oldest first;
     * an hour without a completion counts 0 (the aggregation covers every swap of the window).
     */
    public Uni<Stats> stats(int windowHours, Instant now) {
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        Instant windowStart = now.truncatedTo(ChronoUnit.HOURS).minus(windowHours - 1L, ChronoUnit.HOURS);
        return Uni.combine().all().unis(
                        repository.countStarted(),
                        repository.countCompletedSince(today),
                        repository.completedPerHourSince(windowStart),
                        repository.completedPerStationSince(windowStart),
                        repository.startedPerStation())
                .with((active, completedToday, perHour, completedPerStation, startedPerStation) -> {
                    List<HourCount> hours = new ArrayList<>(windowHours);
                    long inWindow = 0;
                    for (int i = 0; i < windowHours; i++) {
                        Instant hourStart = windowStart.plus(i, ChronoUnit.HOURS);
                        long n = perHour.getOrDefault(HOUR_KEY.format(hourStart), 0L);
                        inWindow += n;
                        hours.add(new HourCount(hourStart, n));
                    }
                    TreeSet<String> stationIds = new TreeSet<>(completedPerStation.keySet());
                    stationIds.addAll(startedPerStation.keySet());
                    List<StationCount> stations = stationIds.stream().map(id -> new StationCount(id,
                            startedPerStation.getOrDefault(id, 0L), completedPerStation.getOrDefault(id, 0L))).toList();
                    return new Stats(now, active, completedToday, today, windowHours, windowStart, inWindow, hours,
                            stations);
                });
    }
}
