package io.navswap.staff.repository;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.navswap.staff.domain.FaultStatus;
import io.navswap.staff.domain.TicketStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Fault and ticket figures for the admin dashboards, counted by MongoDB ({@code countDocuments}, {@code $match}
 * + {@code $group}) on the existing {@code status...} / {@code stationId, recordedAt} indexes: no fault or
 * ticket document is loaded here.
 */
@ApplicationScoped
public class StaffStatsRepository {
    static final List<String> ACTIVE_TICKETS = List.of(TicketStatus.OPEN.name(), TicketStatus.IN_PROGRESS.name());

    private final FaultRepository faults;
    private final TicketRepository tickets;

    StaffStatsRepository(FaultRepository faults, TicketRepository tickets) {
        this.faults = faults;
        this.tickets = tickets;
    }

    public Uni<Long> faultsWithStatus(FaultStatus status) {
        return faults.mongoCollection().countDocuments(Filters.eq("status", status.name()));
    }

    /** Faults recorded since {@code since}, wherever they were recorded. */
    public Uni<Long> faultsSince(Instant since) {
        return faults.mongoCollection().countDocuments(Filters.gte("recordedAt", Date.from(since)));
    }

    /** Faults recorded since {@code since}, per station. */
    public Uni<Map<String, Long>> faultsPerStationSince(Instant since) {
        return grouped(faults.mongoCollection().aggregate(List.of(
                Aggregates.match(Filters.gte("recordedAt", Date.from(since))),
                Aggregates.group("$stationId", Accumulators.sum("n", 1))), Document.class).collect().asList());
    }

    /** Faults held by open or in-progress tickets (a ticket gathers every fault of its battery). */
    public Uni<Long> faultsOnActiveTickets() {
        return tickets.mongoCollection().aggregate(List.of(
                        Aggregates.match(Filters.in("status", ACTIVE_TICKETS)),
                        Aggregates.project(Projections.computed("n", new Document("$size",
                                new Document("$ifNull", List.of("$faultIds", List.of()))))),
                        Aggregates.group(null, Accumulators.sum("n", "$n"))), Document.class)
                .collect().first()
                .map(doc -> doc == null || doc.get("n") == null ? 0L : ((Number) doc.get("n")).longValue());
    }

    public Uni<Long> ticketsWithStatus(TicketStatus status) {
        return tickets.mongoCollection().countDocuments(Filters.eq("status", status.name()));
    }

    /** Open or in-progress tickets past their SLA. */
    public Uni<Long> activeTicketsBreachingSla(Instant now) {
        return tickets.mongoCollection().countDocuments(Filters.and(Filters.in("status", ACTIVE_TICKETS),
                Filters.lt("slaDueAt", Date.from(now))));
    }

    /** Open or in-progress tickets per station. */
    public Uni<Map<String, Long>> activeTicketsPerStation() {
        return grouped(tickets.mongoCollection().aggregate(List.of(
                Aggregates.match(Filters.in("status", ACTIVE_TICKETS)),
                Aggregates.group("$stationId", Accumulators.sum("n", 1))), Document.class).collect().asList());
    }

    private static Uni<Map<String, Long>> grouped(Uni<List<Document>> docs) {
        return docs.map(list -> {
            Map<String, Long> counts = new TreeMap<>();
            for (Document doc : list) {
                Object id = doc.get("_id");
                if (id != null) {
                    counts.put(id.toString(), ((Number) doc.get("n")).longValue());
                }
            }
            return counts;
        });
    }
}
