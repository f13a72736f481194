package io.navswap.station.service;

import io.navswap.station.domain.BatteryStatus;
import io.navswap.station.domain.LocationType;
import io.navswap.station.repository.BatteryStatsRepository;
import io.navswap.station.repository.BatteryStatsRepository.Group;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole fleet for the admin dashboards: every battery not retired, by status (all six, zeros included) and
 * by kind of place, its average SOH, and per station the batteries there and their average SOH.
 */
@ApplicationScoped
public class BatteryStatistics {

    public record StationFleet(String stationId, long batteries, Double avgSoh) {
    }

    public record Stats(Instant asOf, long total, Map<String, Long> byStatus, Map<String, Long> byLocationType,
            Double avgSoh, List<StationFleet> stations) {
    }

    private final BatteryStatsRepository repository;

    BatteryStatistics(BatteryStatsRepository repository) {
        this.repository = repository;
    }

    public Uni<Stats> stats(Instant now) {
        return Uni.combine().all().unis(repository.byStatus(), repository.byLocationType(), repository.fleet(),
                        repository.atStations())
                .with((statuses, places, fleet, stations) -> {
                    Map<String, Long> byStatus = new LinkedHashMap<>();
                    for (BatteryStatus status : BatteryStatus.values()) {
                        byStatus.put(status.wire(), count(statuses, status.name()));
                    }
                    Map<String, Long> byPlace = new LinkedHashMap<>();
                    for (LocationType type : LocationType.values()) {
                        byPlace.put(type.wire(), count(places, type.name()));
                    }
                    long total = fleet.isEmpty() ? 0 : fleet.get(0).count();
                    Double avgSoh = fleet.isEmpty() ? null : round1(fleet.get(0).avgSoh());
                    List<StationFleet> perStation = stations.stream().filter(g -> g.key() != null)
                            .sorted(Comparator.comparing(Group::key))
                            .map(g -> new StationFleet(g.key(), g.count(), round1(g.avgSoh()))).toList();
                    return new Stats(now, total, byStatus, byPlace, avgSoh, perStation);
                });
    }

    private static long count(List<Group> groups, String key) {
        return groups.stream().filter(g -> key.equals(g.key())).mapToLong(Group::count).sum();
    }

    private static Double round1(Double value) {
        return value == null ? null : Math.round(value * 10.0) / 10.0;
    }
}
