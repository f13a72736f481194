package io.navswap.logistics.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.domain.TransportJob;
import io.navswap.messaging.MongoErrors;
import io.navswap.messaging.OutboxEntry;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * All access to {@code transport_jobs}. Each state change is one conditional single-document update on the
 * expected current status (and, where it matters, the holder), which also pushes the change's event to the
 * document's outbox: a change and its event are written together or not at all, and of two racing callers
 * exactly one matches.
 */
@ApplicationScoped
public class TransportJobRepository implements ReactivePanacheMongoRepositoryBase<TransportJob, String> {
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    /**
     * {@code open_key}: unique and sparse, the guard against duplicate jobs for one shortage (the key is unset,
     * not nulled, when a job ends, so finished jobs are outside the index). The others serve the queries below on
     * a real MongoDB; the embedded server accepts and ignores them.
     */
    public Uni<Void> ensureIndexes() {
        return mongoCollection().createIndex(Indexes.ascending("openKey"),
                        new IndexOptions().name("open_key_unique").unique(true).sparse(true))
                .chain(() -> mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("status"),
                        Indexes.ascending("sourceLatitude"), Indexes.ascending("sourceLongitude")),
                        new IndexOptions().name("open_by_pickup")))
                .chain(() -> mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("transporterId"),
                        Indexes.descending("updatedAt")), new IndexOptions().name("transporter_history")))
                .chain(() -> mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("status"),
                        Indexes.ascending("acceptedAt")), new IndexOptions().name("status_accepted_at")))
                .chain(() -> mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("status"),
                        Indexes.ascending("openedAt")), new IndexOptions().name("status_opened_at")))
                .replaceWithVoid();
    }

    /** Inserts a new job (with its {@code job.created} event in its outbox); false when its open key is taken. */
    public Uni<Boolean> insertIfAbsent(TransportJob job) {
        return persist(job).replaceWith(true)
                .onFailure(MongoErrors::isDuplicateKey).recoverWithItem(false);
    }

    public Uni<TransportJob> findByOpenKey(String openKey) {
        return find("openKey", openKey).firstResult();
    }

    /** {@code open → accepted}: only one of any number of concurrent callers matches. */
    public Uni<TransportJob> accept(String id, String transporterId, Instant at, OutboxEntry event) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("status", JobStatus.OPEN.name()));
        return mongoCollection().findOneAndUpdate(filter, Updates.combine(
                Updates.set("status", JobStatus.ACCEPTED.name()),
                Updates.set("transporterId", transporterId),
                Updates.set("acceptedAt", Date.from(at)),
                touched(at, event)), AFTER);
    }

    /**
     * {@code accepted → picked_up} by the holder, with the batteries (empty when station-service chooses them),
     * their count and the credits for that count.
     */
    public Uni<TransportJob> pickUp(String id, String transporterId, List<String> batteryIds, int batteryCount,
            double credits, Instant at, OutboxEntry event) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("status", JobStatus.ACCEPTED.name()),
                Filters.eq("transporterId", transporterId));
        return mongoCollection().findOneAndUpdate(filter, Updates.combine(
                Updates.set("status", JobStatus.PICKED_UP.name()),
                Updates.set("batteryIds", batteryIds),
                Updates.set("batteryCount", batteryCount),
                Updates.set("credits", credits),
                Updates.set("pickedUpAt", Date.from(at)),
                touched(at, event)), AFTER);
    }

    /** {@code picked_up → delivered} by the holder; the job leaves the shortage index. */
    public Uni<TransportJob> deliver(String id, String transporterId, double earnedCredits, Instant at, OutboxEntry event) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("status", JobStatus.PICKED_UP.name()),
                Filters.eq("transporterId", transporterId));
        return mongoCollection().findOneAndUpdate(filter, Updates.combine(
                Updates.set("status", JobStatus.DELIVERED.name()),
                Updates.set("earnedCredits", earnedCredits),
                Updates.set("deliveredAt", Date.from(at)),
                Updates.unset("openKey"),
                touched(at, event)), AFTER);
    }

    /** {@code open|accepted → cancelled}, only from the status the caller saw. */
    public Uni<TransportJob> cancel(String id, JobStatus from, String reason, Instant at, OutboxEntry event) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("status", from.name()));
        return mongoCollection().findOneAndUpdate(filter, Updates.combine(
                Updates.set("status", JobStatus.CANCELLED.name()),
                Updates.set("cancelReason", reason),
                Updates.set("cancelledAt", Date.from(at)),
                Updates.unset("openKey"),
                touched(at, event)), AFTER);
    }

    /** {@code accepted → open} for a job its holder did not pick up before {@code acceptedBefore}. */
    public Uni<TransportJob> release(String id, String transporterId, Instant acceptedBefore, Instant at,
            OutboxEntry event) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("status", JobStatus.ACCEPTED.name()),
                Filters.eq("transporterId", transporterId), Filters.lt("acceptedAt", Date.from(acceptedBefore)));
        return mongoCollection().findOneAndUpdate(filter, Updates.combine(
                Updates.set("status", JobStatus.OPEN.name()),
                Updates.unset("transporterId"),
                Updates.unset("acceptedAt"),
                Updates.set("openedAt", Date.from(at)),
                Updates.inc("releaseCount", 1),
                touched(at, event)), AFTER);
    }

    /** {@code open → expired} for a job on the market since before {@code openedBefore}. */
    public Uni<TransportJob> expire(String id, Instant openedBefore, Instant at, OutboxEntry event) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("status", JobStatus.OPEN.name()),
                Filters.lt("openedAt", Date.from(openedBefore)));
        return mongoCollection().findOneAndUpdate(filter, Updates.combine(
                Updates.set("status", JobStatus.EXPIRED.name()),
                Updates.set("expiredAt", Date.from(at)),
                Updates.unset("openKey"),
                touched(at, event)), AFTER);
    }

    /** Open jobs whose pickup lies in the box; the caller applies the exact radius. */
    public Uni<List<TransportJob>> openInBox(double minLat, double maxLat, double minLon, double maxLon) {
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq("status", JobStatus.OPEN.name()),
                Filters.gte("sourceLatitude", minLat), Filters.lte("sourceLatitude", maxLat)));
        if (maxLon - minLon < 360) {
            conditions.add(Filters.gte("sourceLongitude", minLon));
            conditions.add(Filters.lte("sourceLongitude", maxLon));
        }
        return mongoCollection().find(Filters.and(conditions)).collect().asList();
    }

    /** Jobs that still count against a place's stock or room: open, accepted or picked up. */
    public Uni<List<TransportJob>> live() {
        return mongoCollection().find(Filters.in("status", names(JobStatus.LIVE))).collect().asList();
    }

    /** Battery ids already on the road from {@code sourceId}, so that a second pickup does not name them again. */
    public Uni<List<String>> batteriesPickedUpFrom(String sourceId) {
        return mongoCollection().find(Filters.and(Filters.eq("sourceId", sourceId),
                        Filters.eq("status", JobStatus.PICKED_UP.name())))
                .onItem().transformToIterable(job -> job.batteryIds == null ? List.<String>of() : job.batteryIds)
                .collect().asList();
    }

    public Uni<List<TransportJob>> page(JobStatus status, int page, int size) {
        Sort sort = Sort.descending("createdAt", "_id");
        return (status == null ? findAll(sort) : find("status", sort, status.name())).page(page, size).list();
    }

    public Uni<Long> countWithStatus(JobStatus status) {
        return status == null ? count() : count("status", status.name());
    }

    public Uni<List<TransportJob>> pageByTransporter(String transporterId, int page, int size) {
        return find("transporterId", Sort.descending("updatedAt", "_id"), transporterId).page(page, size).list();
    }

    public Uni<Long> countByTransporter(String transporterId, Collection<JobStatus> statuses) {
        return mongoCollection().countDocuments(Filters.and(Filters.eq("transporterId", transporterId),
                Filters.in("status", names(statuses))));
    }

    public Uni<Long> countByTransporter(String transporterId) {
        return count("transporterId", transporterId);
    }

    public Uni<List<TransportJob>> acceptedBefore(Instant cutoff, int limit) {
        return mongoCollection().find(Filters.and(Filters.eq("status", JobStatus.ACCEPTED.name()),
                Filters.lt("acceptedAt", Date.from(cutoff)))).select().first(limit).collect().asList();
    }

    public Uni<List<TransportJob>> openedBefore(Instant cutoff, int limit) {
        return mongoCollection().find(Filters.and(Filters.eq("status", JobStatus.OPEN.name()),
                Filters.lt("openedAt", Date.from(cutoff)))).select().first(limit).collect().asList();
    }

    /** Distinct transporters holding an accepted or picked-up job now. */
    public Uni<Long> activeTransporters() {
        return mongoCollection().find(Filters.in("status", names(JobStatus.HELD)))
                .map(job -> job.transporterId).collect().asSet().map(set -> (long) set.size());
    }

    private static Bson touched(Instant at, OutboxEntry event) {
        return Updates.combine(Updates.set("updatedAt", Date.from(at)), Updates.inc("version", 1L),
                Updates.push("outbox", event.toDocument()));
    }

    private static List<String> names(Collection<JobStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
