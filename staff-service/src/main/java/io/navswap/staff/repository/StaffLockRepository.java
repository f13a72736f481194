package io.navswap.staff.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.navswap.messaging.MongoErrors;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A per-person lease lock (collection {@code staff_locks}) that serialises changes to one person's
 * assignments: the overlap check and the insert of a shift or diversion happen under it, so two admins
 * cannot create overlapping shifts concurrently. Without multi-document transactions this is the
 * portable way; a crashed holder loses the lease after its duration.
 */
@ApplicationScoped
public class StaffLockRepository {
    static final String COLLECTION = "staff_locks";

    private final ReactiveMongoClient mongo;
    private final String database;

    StaffLockRepository(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.mongo = mongo;
        this.database = database;
    }

    /**
     * Takes the lock of {@code staffId} for {@code owner} unless someone else holds an unexpired lease.
     * The upsert either updates an expired lock or inserts a new one; a live lease makes the filter miss
     * and the insert collide on {@code _id}, which means "taken".
     */
    public Uni<Boolean> acquire(String staffId, String owner, Instant now, Duration lease) {
        return collection().updateOne(
                Filters.and(Filters.eq("_id", staffId), Filters.lte("lockedUntil", Date.from(now))),
                Updates.combine(Updates.set("owner", owner), Updates.set("lockedUntil", Date.from(now.plus(lease)))),
                new UpdateOptions().upsert(true))
                .replaceWith(true)
                .onFailure(MongoErrors::isDuplicateKey).recoverWithItem(false);
    }

    public Uni<Void> release(String staffId, String owner) {
        return collection().updateOne(Filters.and(Filters.eq("_id", staffId), Filters.eq("owner", owner)),
                Updates.set("lockedUntil", new Date(0))).replaceWithVoid();
    }

    private ReactiveMongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
