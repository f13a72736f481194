package io.navswap.logistics.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.navswap.logistics.domain.StationSnapshot;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** The station read model ({@code station_inventory}). */
@ApplicationScoped
public class StationSnapshotRepository implements ReactivePanacheMongoRepositoryBase<StationSnapshot, String> {

    /**
     * Stores the counts of an inventory event unless a later one is already stored (events of one station
     * arrive in order on one partition, but a replay may bring old ones). Answers the stored snapshot, or null
     * when the event was older than what is known.
     */
    public Uni<StationSnapshot> applyCounts(String stationId, int capacity, Map<String, Integer> counts, Instant at,
            String eventId) {
        return mongoCollection().updateOne(Filters.eq("_id", stationId),
                        Updates.setOnInsert("capacity", capacity), new UpdateOptions().upsert(true))
                .chain(() -> mongoCollection().findOneAndUpdate(
                        Filters.and(Filters.eq("_id", stationId),
                                Filters.or(Filters.eq("countsAt", null), Filters.lte("countsAt", Date.from(at)))),
                        Updates.combine(Updates.set("capacity", capacity), Updates.set("counts", counts),
                                Updates.set("countsAt", Date.from(at)), Updates.set("lastEventId", eventId)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** Records what station-service says about where the station is. */
    public Uni<StationSnapshot> locate(String stationId, String name, String city, double latitude, double longitude,
            boolean active, int capacity, Instant at) {
        return mongoCollection().findOneAndUpdate(Filters.eq("_id", stationId),
                Updates.combine(Updates.set("name", name), Updates.set("city", city),
                        Updates.set("latitude", latitude), Updates.set("longitude", longitude),
                        Updates.set("active", active), Updates.set("locatedAt", Date.from(at)),
                        Updates.setOnInsert("capacity", capacity)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    }
}
