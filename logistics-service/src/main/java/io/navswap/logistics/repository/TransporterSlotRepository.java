package io.navswap.logistics.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.navswap.logistics.domain.TransporterSlots;
import io.navswap.messaging.MongoErrors;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Per-transporter holds ({@code transporter_slots}): the atomic "at most N active jobs" rule. */
@ApplicationScoped
public class TransporterSlotRepository implements ReactivePanacheMongoRepositoryBase<TransporterSlots, String> {

    /**
     * Takes one of the transporter's {@code max} slots for {@code jobId}. The push matches only while the
     * holds array has no element at index {@code max - 1}, so concurrent accepts by one transporter can never
     * exceed the limit. Answers true also when the job already holds a slot (a retried accept).
     */
    public Uni<Boolean> reserve(String transporterId, String jobId, int max, Instant at) {
        return mongoCollection().updateOne(Filters.eq("_id", transporterId),
                        Updates.setOnInsert("holds", List.of()), new UpdateOptions().upsert(true))
                .onFailure(MongoErrors::isDuplicateKey).recoverWithNull()
                .chain(() -> mongoCollection().updateOne(
                        Filters.and(Filters.eq("_id", transporterId), Filters.ne("holds.jobId", jobId),
                                Filters.exists("holds." + (max - 1), false)),
                        Updates.push("holds", new Document("jobId", jobId).append("since", Date.from(at)))))
                .chain(result -> result.getModifiedCount() == 1
                        ? Uni.createFrom().item(true)
                        : holds(transporterId, jobId));
    }

    /** Gives the job's slot back (delivery, cancellation, release, or a lost accept race). */
    public Uni<Void> release(String transporterId, String jobId) {
        return mongoCollection().updateOne(Filters.eq("_id", transporterId),
                Updates.pull("holds", new Document("jobId", jobId))).replaceWithVoid();
    }

    /** Transporters with a hold taken before {@code cutoff}: candidates for the sweeper's consistency check. */
    public Uni<List<TransporterSlots>> withHoldsBefore(Instant cutoff) {
        return mongoCollection().find(Filters.lt("holds.since", Date.from(cutoff))).collect().asList();
    }

    /** Seeds a hold for a job that is already accepted or picked up. */
    public Uni<Void> seedHold(String transporterId, String jobId, Instant since) {
        return mongoCollection().updateOne(Filters.and(Filters.eq("_id", transporterId), Filters.ne("holds.jobId", jobId)),
                        Updates.push("holds", new Document("jobId", jobId).append("since", Date.from(since))),
                        new UpdateOptions().upsert(true))
                .onFailure(MongoErrors::isDuplicateKey).recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Boolean> holds(String transporterId, String jobId) {
        return mongoCollection().countDocuments(Filters.and(Filters.eq("_id", transporterId),
                Filters.eq("holds.jobId", jobId))).map(count -> count > 0);
    }
}
