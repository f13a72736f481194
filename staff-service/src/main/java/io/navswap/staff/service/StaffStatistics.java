package io.navswap.staff.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.navswap.staff.domain.FaultStatus;
import io.navswap.staff.domain.TicketStatus;
import io.navswap.staff.repository.StaffStatsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Staff and fault figures for the admin dashboards.
 * <ul>
 * <li>on duty now: the same rule as {@code /staff/station/{id}} (diversions count at their target), from one
 * query of the assignments in force (bounded by the number of staff);</li>
 * <li>a fault is <b>open</b> until the ticket holding it is resolved: faults still at level 1 or 2 (not
 * ticketed) plus the faults of open or in-progress tickets.</li>
 * </ul>
 */
@ApplicationScoped
public class StaffStatistics {
    /** The window of {@code faults_last_30_days} (the reliability model's "recent faults"). */
    public static final Duration RECENT_FAULTS = Duration.ofDays(30);

    public record Faults(long open, long recorded, long diagnosed, long onActiveTickets,
            // Spelled out: the snake_case strategy would write "recorded_last30_days".
            @JsonProperty("recorded_last_30_days") long recordedLast30Days) {
    }

    public record Tickets(Map<String, Long> byStatus, long active, long slaBreached) {
    }

    public record StationFigures(String stationId, long staffOnDuty,
            @JsonProperty("faults_last_30_days") long faultsLast30Days, long activeTickets) {
    }

    public record Stats(Instant asOf, long staffOnDuty, long openFaults, Faults faults, Tickets tickets,
            List<StationFigures> stations) {
    }

    private final OnDutyService onDuty;
    private final StaffStatsRepository repository;

    StaffStatistics(OnDutyService onDuty, StaffStatsRepository repository) {
        this.onDuty = onDuty;
        this.repository = repository;
    }

    public Uni<Stats> stats(Instant now) {
        Uni<Map<String, Long>> ticketsByStatus = Uni.combine().all().unis(
                        repository.ticketsWithStatus(TicketStatus.OPEN),
                        repository.ticketsWithStatus(TicketStatus.IN_PROGRESS),
                        repository.ticketsWithStatus(TicketStatus.RESOLVED),
                        repository.ticketsWithStatus(TicketStatus.CLOSED))
                .with((open, inProgress, resolved, closed) -> {
                    Map<String, Long> byStatus = new LinkedHashMap<>();
                    byStatus.put(TicketStatus.OPEN.wire(), open);
                    byStatus.put(TicketStatus.IN_PROGRESS.wire(), inProgress);
                    byStatus.put(TicketStatus.RESOLVED.wire(), resolved);
                    byStatus.put(TicketStatus.CLOSED.wire(), closed);
                    return byStatus;
                });
        Uni<long[]> faultCounts = Uni.combine().all().unis(
                        repository.faultsWithStatus(FaultStatus.RECORDED),
                        repository.faultsWithStatus(FaultStatus.DIAGNOSED),
                        repository.faultsOnActiveTickets(),
                        repository.activeTicketsBreachingSla(now),
                        repository.faultsSince(now.minus(RECENT_FAULTS)))
                .with((recorded, diagnosed, ticketed, breached, recent) -> new long[] { recorded, diagnosed, ticketed,
                        breached, recent });
        return Uni.combine().all().unis(onDuty.everywhere(now), faultCounts, ticketsByStatus,
                        repository.faultsPerStationSince(now.minus(RECENT_FAULTS)),
                        repository.activeTicketsPerStation())
                .with((duties, counts, byStatus, faultsPerStation, ticketsPerStation) -> {
                    Map<String, Long> dutyPerStation = new LinkedHashMap<>();
                    Set<String> people = new HashSet<>();
                    duties.forEach((station, list) -> {
                        dutyPerStation.put(station, list.stream().map(OnDutyService.Duty::staffId).distinct().count());
                        list.forEach(d -> people.add(d.staffId()));
                    });
                    Set<String> stationIds = new TreeSet<>(dutyPerStation.keySet());
                    stationIds.addAll(faultsPerStation.keySet());
                    stationIds.addAll(ticketsPerStation.keySet());
                    List<StationFigures> stations = stationIds.stream().map(id -> new StationFigures(id,
                            dutyPerStation.getOrDefault(id, 0L), faultsPerStation.getOrDefault(id, 0L),
                            ticketsPerStation.getOrDefault(id, 0L))).toList();
                    long recorded = counts[0];
                    long diagnosed = counts[1];
                    long ticketed = counts[2];
                    Faults faults = new Faults(recorded + diagnosed + ticketed, recorded, diagnosed, ticketed,
                            counts[4]);
                    long active = byStatus.get(TicketStatus.OPEN.wire()) + byStatus.get(TicketStatus.IN_PROGRESS.wire());
                    return new Stats(now, people.size(), faults.open(), faults, new Tickets(byStatus, active, counts[3]),
                            stations);
                });
    }
}
