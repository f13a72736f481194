package io.navswap.queue.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.DeleteResult;
import io.navswap.messaging.OutboxRelay;
import io.navswap.queue.domain.GpsLog;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class GpsLogRepository implements ReactivePanacheMongoRepositoryBase<GpsLog, String> {

    public Uni<Void> insert(GpsLog log) {
        return mongoCollection().insertOne(log).replaceWithVoid();
    }

    /** Writes a seed log by its fixed id; running the seed again changes nothing. */
    public Uni<Void> upsert(GpsLog log) {
        return mongoCollection().replaceOne(eq("_id", log.id), log, new ReplaceOptions().upsert(true)).replaceWithVoid();
    }

    /**
     * Removes the logs recorded before {@code cutoff} whose event the outbox has published; answers how many. A log
     * still carrying its event stays until the relay has sent it.
     */
    public Uni<Long> deleteRecordedBefore(Instant cutoff) {
        return mongoCollection().deleteMany(and(lt("recordedAt", cutoff), OutboxRelay.nothingPending()))
                .map(DeleteResult::getDeletedCount);
    }

    public Uni<Long> countByUser(String userId) {
        return mongoCollection().countDocuments(eq("userId", userId));
    }
}
