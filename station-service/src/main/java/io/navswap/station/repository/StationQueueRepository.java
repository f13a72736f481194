package io.navswap.station.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
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
 * The queue read model, collection {@code station_queues}: one document per station with the ids of its live
 * reservations ({@code active}), fed by {@code reservation.*} events. {@code $addToSet}/{@code $pull} make
 * every apply naturally idempotent; the queue length is the size of the set.
 */
@ApplicationScoped
public class StationQueueRepository {
    public static final String COLLECTION = "station_queues";

    private final ReactiveMongoClient mongo;
    private final String database;

    StationQueueRepository(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.mongo = mongo;
        this.database = database;
    }

    public Uni<Integer> add(String stationId, String reservationId) {
        return collection().updateOne(Filters.eq("_id", stationId),
                        Updates.combine(Updates.addToSet("active", reservationId), Updates.set("updatedAt", new Date())),
                        new UpdateOptions().upsert(true))
                .chain(() -> length(stationId));
    }

    public Uni<Integer> remove(String stationId, String reservationId) {
        return collection().updateOne(Filters.eq("_id", stationId),
                        Updates.combine(Updates.pull("active", reservationId), Updates.set("updatedAt", new Date())))
                .chain(() -> length(stationId));
    }

    public Uni<Integer> length(String stationId) {
        return collection().find(Filters.eq("_id", stationId)).collect().first().map(StationQueueRepository::size);
    }

    /** Queue lengths of stations whose queue changed at or after {@code since} ({@code null}: all). */
    public Uni<Map<String, Integer>> lengthsChangedSince(Instant since) {
        var filter = since == null ? new Document() : Filters.gte("updatedAt", Date.from(since));
        return collection().find(filter, new io.quarkus.mongodb.FindOptions()
                        .projection(Projections.include("_id", "active")))
                .collect().asList()
                .map(docs -> {
                    Map<String, Integer> lengths = new HashMap<>();
                    docs.forEach(d -> lengths.put(d.getString("_id"), size(d)));
                    return lengths;
                });
    }

    private static int size(Document doc) {
        if (doc == null) {
            return 0;
        }
        List<?> active = doc.getList("active", Object.class);
        return active == null ? 0 : active.size();
    }

    private ReactiveMongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
