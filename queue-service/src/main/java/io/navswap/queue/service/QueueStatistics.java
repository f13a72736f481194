package io.navswap.queue.service;

import io.navswap.queue.domain.ReservationStatus;
import io.navswap.queue.repository.QueueStatsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Queue figures for the admin dashboards. "In the queue" = a live reservation (confirmed, approaching, arrived
 * or in progress at the counter), the same rule as a station's queue positions; {@code waiting} leaves out the
 * riders already being served.
 */
@ApplicationScoped
public class QueueStatistics {

    public record StationQueue(String stationId, long total, long waiting, long inProgress) {
    }

    /** {@code byStatus} always lists the four live statuses (wire names), zeros included. */
    public record Stats(Instant asOf, long totalInQueue, long waiting, Map<String, Long> byStatus,
            List<StationQueue> stations) {
    }

    private final QueueStatsRepository repository;

    QueueStatistics(QueueStatsRepository repository) {
        this.repository = repository;
    }

    public Uni<Stats> stats(Instant now) {
        return repository.liveByStationAndStatus().map(counts -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (ReservationStatus status : ReservationStatus.values()) {
                if (status.isLive()) {
                    byStatus.put(status.name().toLowerCase(Locale.ROOT), 0L);
                }
            }
            Map<String, long[]> perStation = new TreeMap<>();
            long total = 0;
            long waiting = 0;
            for (QueueStatsRepository.LiveCount c : counts) {
                byStatus.merge(c.status().name().toLowerCase(Locale.ROOT), c.count(), Long::sum);
                long[] station = perStation.computeIfAbsent(c.stationId(), k -> new long[2]);
                total += c.count();
                if (c.status().isWaiting()) {
                    waiting += c.count();
                    station[0] += c.count();
                } else {
                    station[1] += c.count();
                }
            }
            List<StationQueue> stations = perStation.entrySet().stream().map(e -> new StationQueue(e.getKey(),
                    e.getValue()[0] + e.getValue()[1], e.getValue()[0], e.getValue()[1])).toList();
            return new Stats(now, total, waiting, byStatus, stations);
        });
    }
}
