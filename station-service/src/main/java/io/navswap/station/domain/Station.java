package io.navswap.station.domain;

import io.navswap.messaging.OutboxEntry;
import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A swap station: where riders swap batteries. Its {@link #inventory} is a summary derived from the
 * battery documents by the inventory recounter, and the {@code inventory.changed} events it implies wait
 * in {@link #outbox} until relayed. Existing documents are only ever changed with {@code $set}/{@code $push}
 * updates, never replaced, so a concurrent relay or recount is never overwritten.
 */
@MongoEntity(collection = "stations")
public class Station {
    @BsonId
    public String id;
    public String name;
    public String city;
    /** {@link #city} normalised for lookups ({@code ?city=delhi} finds Delhi). */
    public String cityKey;
    public double latitude;
    public double longitude;
    public int capacity;
    public boolean active;
    public String address;
    public Instant createdAt;
    public Instant updatedAt;
    /** Bumped by every admin change of the station's own fields (optimistic locking). */
    public long version;
    public StationInventory inventory;
    /** Bumped by every recount (optimistic locking between concurrent recounts). */
    public long inventoryVersion;
    public List<OutboxEntry> outbox = new ArrayList<>();

    public static String cityKey(String city) {
        return city == null ? null : city.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
