package io.navswap.station.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.navswap.messaging.OutboxEntry;
import io.navswap.station.domain.Station;
import io.navswap.station.domain.StationInventory;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;

/** All access to {@code stations}. Changes are conditional {@code $set}/{@code $push} updates, never replacements. */
@ApplicationScoped
public class StationRepository implements ReactivePanacheMongoRepositoryBase<Station, String> {

    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    public Uni<List<Station>> listActive(String city) {
        if (city == null || city.isBlank()) {
            return find("active", Sort.by("_id"), true).list();
        }
        return find("active = ?1 and cityKey = ?2", Sort.by("_id"), true, Station.cityKey(city)).list();
    }

    public Uni<List<Station>> listAll() {
        return findAll(Sort.by("_id")).list();
    }

    /** Stations written at or after {@code since} (the index refresh of other replicas' changes). */
    public Uni<List<Station>> changedSince(Instant since) {
        return mongoCollection().find(Filters.gte("updatedAt", since)).collect().asList();
    }

    /**
     * Sets admin-editable fields if the station is still at {@code expectedVersion}; answers the new state, or
     * {@code null} when the station is missing or changed meanwhile.
     */
    public Uni<Station> updateFields(String id, long expectedVersion, List<Bson> sets, OutboxEntry event) {
        List<Bson> updates = new ArrayList<>(sets);
        updates.add(Updates.set("updatedAt", new Date()));
        updates.add(Updates.inc("version", 1L));
        if (event != null) {
            updates.add(Updates.push("outbox", event.toDocument()));
        }
        return mongoCollection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion)),
                Updates.combine(updates), AFTER);
    }

    /**
     * Stores a recounted inventory if no other recount wrote in between ({@code inventoryVersion} guard), with
     * its {@code inventory.changed} event when there is one. {@code null}: lost the race, count again.
     */
    public Uni<Station> applyInventory(String id, long expectedInventoryVersion, StationInventory inventory,
            OutboxEntry event) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("inventory", InventoryDocuments.of(inventory)));
        updates.add(Updates.set("updatedAt", new Date()));
        updates.add(Updates.inc("inventoryVersion", 1L));
        if (event != null) {
            updates.add(Updates.push("outbox", event.toDocument()));
        }
        return mongoCollection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("inventoryVersion", expectedInventoryVersion)),
                Updates.combine(updates), AFTER);
    }

    /** Ids of the given stations that already exist (seeding inserts only the missing ones). */
    public Uni<List<String>> existingIds(List<String> ids) {
        return mongoCollection().find(Filters.in("_id", ids)).map(s -> s.id).collect().asList();
    }
}
