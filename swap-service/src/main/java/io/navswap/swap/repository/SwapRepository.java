package io.navswap.swap.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.navswap.messaging.MongoErrors;
import io.navswap.messaging.OutboxEntry;
import io.navswap.swap.domain.Swap;
import io.navswap.swap.domain.SwapStatus;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.conversions.Bson;

/**
 * All access to {@code swaps}. Every state change is one conditional single-document update (the embedded
 * MongoDB has no transactions), and the event it implies is pushed to the document's outbox in that same
 * update.
 */
@ApplicationScoped
public class SwapRepository implements ReactivePanacheMongoRepositoryBase<Swap, String> {

    /** What station-service did and what the staff member reported, stored when a swap completes. */
    public record Completion(
            String completedBy,
            Instant completedAt,
            String oldBatteryId,
            String newBatteryId,
            Double oldBatterySoh,
            boolean faulty,
            String oldBatteryStatus,
            boolean quarantined,
            int swapDurationSeconds,
            String notes,
            int loyaltyCredits) {
    }

    /**
     * One swap per reservation (unique, sparse for safety), and the history query's order. The embedded server
     * ignores non-unique indexes but accepts them; production MongoDB uses them.
     */
    public Uni<Void> ensureIndexes() {
        return mongoCollection()
                .createIndex(Indexes.ascending("reservationId"),
                        new IndexOptions().name("reservation_unique").unique(true).sparse(true))
                .chain(() -> mongoCollection().createIndex(
                        Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("startedAt")),
                        new IndexOptions().name("user_history")))
                .chain(() -> mongoCollection().createIndex(
                        Indexes.compoundIndex(Indexes.ascending("stationId"), Indexes.ascending("status")),
                        new IndexOptions().name("station_status")))
                .replaceWithVoid();
    }

    /** Inserts {@code swap}; answers false when a swap with its id or its reservation already exists. */
    public Uni<Boolean> insertIfAbsent(Swap swap) {
        return persist(swap).replaceWith(true)
                .onFailure(MongoErrors::isDuplicateKey).recoverWithItem(false);
    }

    /**
     * Moves a started swap to completed, storing the result and queueing {@code event}, in one conditional
     * update. Answers the updated swap, or null when the swap was not {@code started} any more (a concurrent
     * completion won, or it failed meanwhile).
     */
    public Uni<Swap> complete(String id, Completion c, OutboxEntry event) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("status", SwapStatus.STARTED.name()));
        Bson update = Updates.combine(
                Updates.set("status", SwapStatus.COMPLETED.name()),
                Updates.set("completedBy", c.completedBy()),
                Updates.set("completedAt", Date.from(c.completedAt())),
                Updates.set("oldBatteryId", c.oldBatteryId()),
                Updates.set("newBatteryId", c.newBatteryId()),
                Updates.set("oldBatterySoh", c.oldBatterySoh()),
                Updates.set("faulty", c.faulty()),
                Updates.set("oldBatteryStatus", c.oldBatteryStatus()),
                Updates.set("quarantined", c.quarantined()),
                Updates.set("swapDurationSeconds", c.swapDurationSeconds()),
                Updates.set("notes", c.notes()),
                Updates.set("loyaltyCredits", c.loyaltyCredits()),
                Updates.inc("version", 1L),
                Updates.push("outbox", event.toDocument()));
        return mongoCollection().findOneAndUpdate(filter, update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** Moves a started swap to failed; answers whether it did (false: unknown, or already completed or failed). */
    public Uni<Boolean> fail(String id, String reason, Instant at) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("status", SwapStatus.STARTED.name()));
        Bson update = Updates.combine(
                Updates.set("status", SwapStatus.FAILED.name()),
                Updates.set("failureReason", reason),
                Updates.set("failedAt", Date.from(at)),
                Updates.inc("version", 1L));
        return mongoCollection().updateOne(filter, update).map(result -> result.getModifiedCount() == 1);
    }

    /** Fills in the rider's name when the swap was created from an event that did not carry it. */
    public Uni<Swap> fillUserName(String id, String userName) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("userName", null));
        Bson update = Updates.combine(Updates.set("userName", userName), Updates.inc("version", 1L));
        return mongoCollection().findOneAndUpdate(filter, update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    public Uni<Swap> findByReservation(String reservationId) {
        return find("reservationId", reservationId).firstResult();
    }

    /** A page of the rider's swaps, newest first (ties broken by id, so pages never overlap). */
    public Uni<List<Swap>> pageByUser(String userId, int page, int size) {
        return find("userId", Sort.descending("startedAt", "_id"), userId).page(page, size).list();
    }

    public Uni<Long> countByUser(String userId) {
        return count("userId", userId);
    }

    public Uni<Set<String>> existingIds(Collection<String> ids) {
        return mongoCollection().find(Filters.in("_id", ids)).map(swap -> swap.id).collect().asSet();
    }
}
