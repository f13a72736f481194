package io.navswap.staff.repository;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.navswap.messaging.OutboxEntry;
import io.navswap.staff.domain.Priority;
import io.navswap.staff.domain.Ticket;
import io.navswap.staff.domain.TicketEvent;
import io.navswap.staff.domain.TicketStatus;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * All access to {@code tickets}. State changes are conditional on the expected status and version and
 * carry their event (if any) in the same update.
 */
@ApplicationScoped
public class TicketRepository implements ReactivePanacheMongoRepositoryBase<Ticket, String> {

    public record TicketFilter(TicketStatus status, String stationId, Priority priority, String assigneeId) {
        Bson toBson() {
            List<Bson> filters = new ArrayList<>();
            if (status != null) {
                filters.add(Filters.eq("status", status.name()));
            }
            if (stationId != null) {
                filters.add(Filters.eq("stationId", stationId));
            }
            if (priority != null) {
                filters.add(Filters.eq("priority", priority.name()));
            }
            if (assigneeId != null) {
                filters.add(Filters.eq("assigneeId", assigneeId));
            }
            return filters.isEmpty() ? new Document() : Filters.and(filters);
        }
    }

    /** A change of one ticket: the fields to set, the history line, and optionally the event it implies. */
    public record Change(Map<String, Object> set, List<String> unset, TicketEvent history, OutboxEntry event) {
    }

    public Uni<Ticket> insert(Ticket ticket) {
        return mongoCollection().insertOne(ticket).replaceWith(ticket);
    }

    public Uni<Ticket> findBySourceFault(String faultId) {
        return mongoCollection().find(Filters.eq("sourceFaultId", faultId)).collect().first();
    }

    public Uni<Ticket> findActiveForBattery(String batteryId) {
        return mongoCollection().find(Filters.eq("activeBatteryKey", batteryId)).collect().first();
    }

    /**
     * Applies {@code change} if the ticket is still in {@code expected} status at {@code version};
     * answers whether it did.
     */
    public Uni<Boolean> apply(String id, Collection<TicketStatus> expected, long version, Change change) {
        List<Bson> updates = new ArrayList<>();
        change.set().forEach((field, value) -> updates.add(Updates.set(field, bsonValue(value))));
        change.unset().forEach(field -> updates.add(Updates.unset(field)));
        updates.add(Updates.inc("version", 1L));
        updates.add(Updates.push("history", MongoDocs.history(change.history())));
        if (change.event() != null) {
            updates.add(Updates.push("outbox", change.event().toDocument()));
        }
        return mongoCollection().updateOne(Filters.and(
                Filters.eq("_id", id),
                Filters.in("status", expected.stream().map(Enum::name).toList()),
                Filters.eq("version", version)), Updates.combine(updates))
                .map(r -> r.getModifiedCount() == 1);
    }

    /** Adds a further fault of the battery to an active ticket (and raises priority / SLA if asked). */
    public Uni<Boolean> addFault(String id, long version, String faultId, Priority priority, Instant slaDueAt,
            TicketEvent history) {
        return mongoCollection().updateOne(Filters.and(
                Filters.eq("_id", id),
                Filters.in("status", TicketStatus.OPEN.name(), TicketStatus.IN_PROGRESS.name()),
                Filters.eq("version", version)),
                Updates.combine(
                        Updates.addToSet("faultIds", faultId),
                        Updates.set("priority", priority.name()),
                        Updates.set("slaDueAt", Date.from(slaDueAt)),
                        Updates.inc("version", 1L),
                        Updates.push("history", MongoDocs.history(history))))
                .map(r -> r.getModifiedCount() == 1);
    }

    public Uni<List<Ticket>> page(TicketFilter filter, int page, int size) {
        return mongoCollection().find(filter.toBson(), new FindOptions()
                .sort(Sorts.orderBy(Sorts.descending("openedAt"), Sorts.descending("_id")))
                .skip(page * size).limit(size)).collect().asList();
    }

    public Uni<Long> count(TicketFilter filter) {
        return mongoCollection().countDocuments(filter.toBson());
    }

    public Uni<List<Ticket>> forBattery(String batteryId) {
        return mongoCollection().find(Filters.eq("batteryId", batteryId),
                new FindOptions().sort(Sorts.descending("openedAt"))).collect().asList();
    }

    /** Open or in-progress tickets per assignee, for the least-loaded choice. */
    public Uni<Map<String, Long>> activeLoad(Collection<String> staffIds) {
        if (staffIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Bson> pipeline = List.of(
                Aggregates.match(Filters.and(Filters.in("assigneeId", staffIds),
                        Filters.in("status", TicketStatus.OPEN.name(), TicketStatus.IN_PROGRESS.name()))),
                Aggregates.group("$assigneeId", Accumulators.sum("n", 1)));
        return mongoCollection().aggregate(pipeline, Document.class).collect().asList().map(docs -> {
            Map<String, Long> load = new HashMap<>();
            for (Document doc : docs) {
                load.put(doc.getString("_id"), ((Number) doc.get("n")).longValue());
            }
            return load;
        });
    }

    private static Object bsonValue(Object value) {
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }
}
