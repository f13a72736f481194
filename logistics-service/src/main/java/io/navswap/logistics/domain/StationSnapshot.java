package io.navswap.logistics.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * logistics-service's read model of a station: battery counts from the latest {@code inventory.changed}
 * event, and the name and coordinates station-service gave for it (refreshed when older than the
 * configured TTL). Rebuildable: replaying {@code navswap.jobs} and asking station-service again restores it.
 */
@MongoEntity(collection = "station_inventory")
public class StationSnapshot {
    @BsonId
    public String id;
    public int capacity;
    public Map<String, Integer> counts = new HashMap<>();
    public Instant countsAt;
    public String lastEventId;

    public String name;
    public String city;
    public Double latitude;
    public Double longitude;
    public Boolean active;
    public Instant locatedAt;

    public int count(String status) {
        Integer value = counts == null ? null : counts.get(status);
        return value == null ? 0 : value;
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }

    /** Batteries physically at the station: charged, charging and quarantined ones occupy its slots. */
    public int onSite() {
        return count(BatteryStatuses.CHARGED) + count(BatteryStatuses.CHARGING) + count(BatteryStatuses.QUARANTINED);
    }
}
