package io.navswap.logistics.repository;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import io.navswap.messaging.MongoErrors;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Completed swaps per station ({@code station_swaps}, one document per swap id, so a redelivered
 * {@code swap.completed} counts once): the recent demand the stock-order and rebalancing models are given.
 * Kept for a day; the sweeper removes older ones (the embedded server has no TTL indexes).
 */
@ApplicationScoped
public class SwapActivityRepository {
    private static final String COLLECTION = "station_swaps";

    private final ReactiveMongoClient mongo;
    private final String database;

    SwapActivityRepository(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.mongo = mongo;
        this.database = database;
    }

    public Uni<Void> record(String swapId, String stationId, Instant completedAt) {
        return collection().insertOne(new Document("_id", swapId).append("stationId", stationId)
                        .append("completedAt", Date.from(completedAt)))
                .replaceWithVoid()
                .onFailure(MongoErrors::isDuplicateKey).recoverWithNull();
    }

    /** Swaps per station since {@code since}, for every station that had any. */
    public Uni<Map<String, Integer>> countsSince(Instant since) {
        return collection().aggregate(List.of(Aggregates.match(Filters.gte("completedAt", Date.from(since))),
                        Aggregates.group("$stationId", Accumulators.sum("swaps", 1))))
                .collect().asList()
                .map(docs -> {
                    Map<String, Integer> counts = new HashMap<>();
                    docs.forEach(d -> counts.put(d.getString("_id"), ((Number) d.get("swaps")).intValue()));
                    return counts;
                });
    }

    public Uni<Long> deleteBefore(Instant cutoff) {
        return collection().deleteMany(Filters.lt("completedAt", Date.from(cutoff))).map(r -> r.getDeletedCount());
    }

    private ReactiveMongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
