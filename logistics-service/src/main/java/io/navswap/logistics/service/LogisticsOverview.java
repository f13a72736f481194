package io.navswap.logistics.service;

import io.navswap.logistics.config.LogisticsConfig;
import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.domain.TransportJob;
import io.navswap.logistics.repository.LogisticsOverviewRepository;
import io.navswap.logistics.repository.LogisticsOverviewRepository.Shortage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The logistics dashboard's own part: stations short of charged batteries (the planner's rule, with the job
 * that covers each, if any), the live jobs of each state, and the latest deliveries.
 */
@ApplicationScoped
public class LogisticsOverview {

    /** A short station and the live shortage job planned for it ({@code null}: none under way). */
    public record ShortStation(Shortage station, double threshold, TransportJob job) {
    }

    public record Overview(Instant asOf, double lowStockRatio, List<ShortStation> shortages,
            Map<JobStatus, List<TransportJob>> liveJobs, List<TransportJob> recentDeliveries, long deliveredToday,
            Instant todayStartsAt) {
    }

    private final LogisticsOverviewRepository repository;
    private final LogisticsConfig config;

    LogisticsOverview(LogisticsOverviewRepository repository, LogisticsConfig config) {
        this.repository = repository;
        this.config = config;
    }

    public Uni<Overview> overview(int limit, Instant now) {
        double ratio = config.rebalancing().lowStockRatio();
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        Uni<List<ShortStation>> shortages = repository.shortages(ratio).chain(found -> repository
                .liveWithOpenKeys(found.stream().map(s -> JobDraft.shortageKey(s.stationId())).toList())
                .map(jobs -> {
                    Map<String, TransportJob> byKey = jobs.stream()
                            .collect(Collectors.toMap(j -> j.openKey, Function.identity(), (a, b) -> a));
                    return found.stream().map(s -> new ShortStation(s, s.capacity() * ratio,
                            byKey.get(JobDraft.shortageKey(s.stationId())))).toList();
                }));
        Uni<Map<JobStatus, List<TransportJob>>> live = Uni.combine().all().unis(
                        repository.oldestWithStatus(JobStatus.OPEN, limit),
                        repository.oldestWithStatus(JobStatus.ACCEPTED, limit),
                        repository.oldestWithStatus(JobStatus.PICKED_UP, limit))
                .with((open, accepted, pickedUp) -> {
                    Map<JobStatus, List<TransportJob>> byStatus = new LinkedHashMap<>();
                    byStatus.put(JobStatus.OPEN, open);
                    byStatus.put(JobStatus.ACCEPTED, accepted);
                    byStatus.put(JobStatus.PICKED_UP, pickedUp);
                    return byStatus;
                });
        return Uni.combine().all().unis(shortages, live, repository.latestDeliveries(limit),
                        repository.deliveredSince(today))
                .with((s, l, delivered, deliveredToday) -> new Overview(now, ratio, s, l, delivered, deliveredToday,
                        today));
    }
}
