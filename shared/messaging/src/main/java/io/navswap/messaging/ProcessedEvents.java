package io.navswap.messaging;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.result.DeleteResult;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Supplier;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remembers which events a consumer has applied (collection {@code processed_events}, one document per
 * consumer and event id) so that a redelivered event changes nothing. The mark is written after the
 * change: a crash in between re-applies the event once more, so handlers keep their updates
 * conditional (status or version guards) as well.
 */
@ApplicationScoped
public class ProcessedEvents {
    static final String COLLECTION = "processed_events";

    private final ReactiveMongoClient mongo;
    private final String database;

    ProcessedEvents(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.mongo = mongo;
        this.database = database;
    }

    /** Runs {@code apply} unless {@code consumer} already applied {@code eventId}; answers whether it ran. */
    public Uni<Boolean> once(String consumer, String eventId, Supplier<Uni<?>> apply) {
        String id = consumer + ":" + eventId;
        return collection().find(Filters.eq("_id", id)).collect().first()
                .chain(seen -> seen != null
                        ? Uni.createFrom().item(false)
                        : apply.get().chain(() -> mark(id)).replaceWith(true));
    }

    private Uni<Void> mark(String id) {
        return collection().insertOne(new Document("_id", id).append("processedAt", Instant.now()))
                .replaceWithVoid()
                .onFailure(MongoErrors::isDuplicateKey).recoverWithNull().replaceWithVoid();
    }

    /** The index the deletes by age use: without it a real MongoDB scans every mark ever made. */
    Uni<Void> indexAge() {
        return collection().createIndex(Indexes.ascending("processedAt"), new IndexOptions().name("processed_at"))
                .replaceWithVoid();
    }

    /** Forgets the marks made before {@code cutoff}; answers how many it removed. */
    public Uni<Long> forgetBefore(Instant cutoff) {
        return collection().deleteMany(Filters.lt("processedAt", cutoff)).map(DeleteResult::getDeletedCount);
    }

    private ReactiveMongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
