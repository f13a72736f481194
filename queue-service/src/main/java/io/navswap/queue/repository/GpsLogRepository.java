package io.navswap.queue.repository;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.ReplaceOptions;
import io.navswap.queue.domain.GpsLog;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class GpsLogRepository implements ReactivePanacheMongoRepositoryBase<GpsLog, String> {

    public Uni<Void> insert(GpsLog log) {
        return mongoCollection().insertOne(log).replaceWithVoid();
    }

    /** Writes a seed log by its fixed id; running the seed again changes nothing. */
    public Uni<Void> upsert(GpsLog log) {
        return mongoCollection().replaceOne(eq("_id", log.id), log, new ReplaceOptions().upsert(true)).replaceWithVoid();
    }

    public Uni<Long> countByUser(String userId) {
        return mongoCollection().countDocuments(eq("userId", userId));
    }
}
