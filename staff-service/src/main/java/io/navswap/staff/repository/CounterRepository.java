package io.navswap.staff.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Atomic counters (collection {@code counters}): one document per sequence, incremented with {@code $inc}. */
@ApplicationScoped
public class CounterRepository {
    static final String COLLECTION = "counters";

    private final ReactiveMongoClient mongo;
    private final String database;

    CounterRepository(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.mongo = mongo;
        this.database = database;
    }

    /** The next value of {@code sequence}, starting at 1; safe under concurrency and across replicas. */
    public Uni<Long> next(String sequence) {
        return collection().findOneAndUpdate(Filters.eq("_id", sequence), Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .map(doc -> ((Number) doc.get("seq")).longValue());
    }

    /** Makes sure {@code sequence} continues after {@code value} (seeded numbers are never handed out again). */
    public Uni<Void> raiseTo(String sequence, long value) {
        return collection().updateOne(Filters.eq("_id", sequence), Updates.max("seq", value),
                new UpdateOptions().upsert(true)).replaceWithVoid();
    }

    /** A small named setting kept with the counters (e.g. the seed's anchor day); first writer wins. */
    public Uni<String> setting(String name, String valueIfAbsent) {
        return collection().findOneAndUpdate(Filters.eq("_id", "setting:" + name),
                Updates.setOnInsert("value", valueIfAbsent),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc.getString("value"));
    }

    private ReactiveMongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
