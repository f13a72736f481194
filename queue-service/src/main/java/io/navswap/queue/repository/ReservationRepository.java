package io.navswap.queue.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.navswap.messaging.OutboxEntry;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.domain.ReservationStatus;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bson.conversions.Bson;

/**
 * All Mongo access to reservations. Every state change is one conditional {@code updateOne}: it matches
 * only while the document still has the status and version the caller decided on, and it pushes the
 * change's events into the document's outbox in the same write.
 */
@ApplicationScoped
public class ReservationRepository implements ReactivePanacheMongoRepositoryBase<Reservation, String> {

    /** A transition decided against {@code current}; {@code guard} and {@code updates} add to the defaults. */
    public record Transition(ReservationStatus next, List<Bson> guards, List<Bson> updates, List<OutboxEntry> events) {
    }

    /*
     * Reads and inserts go through the collection rather than Panache's session-aware helpers, which
     * demand a duplicated Vert.x context; these run from HTTP requests, Kafka consumers and the scheduler.
     */

    public Uni<Reservation> byId(String id) {
        return mongoCollection().find(eq("_id", id)).collect().first();
    }

    /** Inserts a new reservation; a second live one of the same user fails with a duplicate key. */
    public Uni<Void> insert(Reservation reservation) {
        return mongoCollection().insertOne(reservation).replaceWithVoid();
    }

    public Uni<Reservation> findActiveByUser(String userId) {
        return mongoCollection().find(eq("activeUser", userId)).collect().first();
    }

    /** Live reservations of a station in queue order (confirm time, then id). */
    public Uni<List<Reservation>> findLiveByStation(String stationId) {
        return mongoCollection()
                .find(and(eq("stationId", stationId), in("status", names(ReservationStatus.LIVE))),
                        new FindOptions().sort(Sorts.ascending("confirmedAt", "_id")))
                .collect().asList();
    }

    public Uni<List<Reservation>> findByIdIn(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return mongoCollection().find(in("_id", ids)).collect().asList();
    }

    /** Waiting reservations whose deadline passed: never honoured. */
    public Uni<List<Reservation>> findOverdueWaiting(Instant now, int limit) {
        return mongoCollection()
                .find(and(in("status", names(ReservationStatus.WAITING)), lt("expiresAt", now)),
                        new FindOptions().sort(Sorts.ascending("expiresAt")).limit(limit))
                .collect().asList();
    }

    /** Swaps started before {@code startedBefore} and never completed. */
    public Uni<List<Reservation>> findStuckInProgress(Instant startedBefore, int limit) {
        return mongoCollection()
                .find(and(eq("status", ReservationStatus.IN_PROGRESS.name()), lt("startedAt", startedBefore)),
                        new FindOptions().sort(Sorts.ascending("startedAt")).limit(limit))
                .collect().asList();
    }

    /**
     * Moves {@code current} to {@code transition.next()} iff nobody changed it since it was read
     * (same status and version). Leaving the live states removes the per-user active marker in the same
     * write. Answers the reservation as written, or {@code null} when the update matched nothing.
     */
    public Uni<Reservation> apply(Reservation current, Transition transition, Instant now) {
        if (!current.status.canMoveTo(transition.next())) {
            throw new IllegalStateException("Reservation " + current.id + " cannot move from " + current.status
                    + " to " + transition.next());
        }
        List<Bson> guards = new ArrayList<>(List.of(
                eq("_id", current.id),
                eq("status", current.status.name()),
                eq("version", current.version)));
        guards.addAll(transition.guards());
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("status", transition.next().name()),
                Updates.inc("version", 1L),
                Updates.set("updatedAt", now)));
        if (transition.next().isTerminal()) {
            updates.add(Updates.unset("activeUser"));
            updates.add(Updates.set("endedAt", now));
        }
        updates.addAll(transition.updates());
        if (!transition.events().isEmpty()) {
            updates.add(Updates.pushEach("outbox", transition.events().stream().map(OutboxEntry::toDocument).toList()));
        }
        return mongoCollection().findOneAndUpdate(and(guards), Updates.combine(updates),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** Replaces the QR nonce of a waiting reservation (the previous token stops working). */
    public Uni<Boolean> replaceQr(Reservation current, String nonce, String kid, Instant issuedAt, Instant expiresAt,
            Instant now) {
        return mongoCollection().updateOne(
                and(eq("_id", current.id), eq("version", current.version),
                        in("status", names(ReservationStatus.WAITING)), eq("qrNonce", current.qrNonce)),
                Updates.combine(
                        Updates.set("qrNonce", nonce),
                        Updates.set("qrKid", kid),
                        Updates.set("qrIssuedAt", issuedAt),
                        Updates.set("qrExpiresAt", expiresAt),
                        Updates.set("updatedAt", now),
                        Updates.inc("version", 1L)))
                .map(result -> result.getMatchedCount() == 1);
    }

    static List<String> names(Set<ReservationStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
