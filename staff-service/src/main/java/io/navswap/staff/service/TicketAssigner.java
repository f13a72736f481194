package io.navswap.staff.service;

import io.navswap.messaging.ServiceTokens;
import io.navswap.shared.geo.Haversine;
import io.navswap.staff.client.StationSummary;
import io.navswap.staff.config.StaffConfig;
import io.navswap.staff.repository.TicketRepository;
import io.navswap.staff.service.OnDutyService.Duty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Picks the technician for a new ticket: the least loaded (fewest open or in-progress tickets, then id)
 * among the staff on duty at the fault's station; if nobody is, the same among the staff of the nearest
 * station with someone on duty, within {@code navswap.staff.tickets.max-assign-distance-km}, using the
 * coordinates of station-service's station list (cached). Nobody → the ticket stays unassigned for an admin.
 */
@ApplicationScoped
public class TicketAssigner {
    private static final Logger LOG = Logger.getLogger(TicketAssigner.class);

    public record Choice(String assigneeId, String note) {
        static Choice nobody(String why) {
            return new Choice(null, why);
        }
    }

    private final OnDutyService onDuty;
    private final TicketRepository tickets;
    private final StationDirectory directory;
    private final ServiceTokens serviceTokens;
    private final StaffConfig config;

    TicketAssigner(OnDutyService onDuty, TicketRepository tickets, StationDirectory directory,
            ServiceTokens serviceTokens, StaffConfig config) {
        this.onDuty = onDuty;
        this.tickets = tickets;
        this.directory = directory;
        this.serviceTokens = serviceTokens;
        this.config = config;
    }

    public Uni<Choice> choose(String stationId, Instant at) {
        return onDuty.everywhere(at).chain(duties -> {
            List<Duty> here = duties.getOrDefault(stationId, List.of());
            if (!here.isEmpty()) {
                return leastLoaded(here).map(id -> new Choice(id, "least loaded technician on duty at " + stationId));
            }
            if (duties.isEmpty()) {
                return Uni.createFrom().item(Choice.nobody("nobody is on duty anywhere; an admin assigns it"));
            }
            return directory.cachedOrFetch(serviceTokens.bearer())
                    .chain(stations -> nearest(stationId, stations.stations(), duties))
                    .onFailure().recoverWithItem(failure -> {
                        LOG.warnf("No station coordinates to find a technician near %s: %s", stationId,
                                failure.toString());
                        return Choice.nobody("nobody on duty at " + stationId
                                + " and station coordinates are unavailable; an admin assigns it");
                    });
        });
    }

    private Uni<Choice> nearest(String stationId, List<StationSummary> stations, Map<String, List<Duty>> duties) {
        Optional<StationSummary> origin = stations.stream()
                .filter(s -> stationId.equals(s.stationId()) && s.hasCoordinates()).findFirst();
        if (origin.isEmpty()) {
            return Uni.createFrom().item(Choice.nobody("nobody on duty at " + stationId
                    + " and its coordinates are unknown; an admin assigns it"));
        }
        double limit = config.tickets().maxAssignDistanceKm();
        record Candidate(StationSummary station, double km) {
        }
        Optional<Candidate> best = stations.stream()
                .filter(s -> !stationId.equals(s.stationId()) && s.hasCoordinates()
                        && !duties.getOrDefault(s.stationId(), List.of()).isEmpty())
                .map(s -> new Candidate(s, Haversine.km(origin.get().latitude(), origin.get().longitude(),
                        s.latitude(), s.longitude())))
                .filter(c -> c.km() <= limit)
                .min(Comparator.comparingDouble(Candidate::km).thenComparing(c -> c.station().stationId()));
        if (best.isEmpty()) {
            return Uni.createFrom().item(Choice.nobody(String.format(Locale.ROOT,
                    "nobody on duty at %s or within %.0f km; an admin assigns it", stationId, limit)));
        }
        Candidate chosen = best.get();
        return leastLoaded(duties.get(chosen.station().stationId())).map(id -> new Choice(id, String.format(Locale.ROOT,
                "nobody on duty at %s; least loaded technician at the nearest staffed station %s (%.1f km)",
                stationId, chosen.station().stationId(), chosen.km())));
    }

    private Uni<String> leastLoaded(List<Duty> candidates) {
        List<String> ids = candidates.stream().map(Duty::staffId).distinct().sorted().toList();
        return tickets.activeLoad(ids).map(load -> ids.stream()
                .min(Comparator.comparingLong((String id) -> load.getOrDefault(id, 0L)).thenComparing(id -> id))
                .orElseThrow());
    }
}
