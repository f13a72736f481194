package io.navswap.station.domain;

import io.navswap.messaging.OutboxEntry;
import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One battery. Every change is a conditional single-document update (status / version / swap guards), and
 * carries in the same write the events it implies ({@link #outbox}) and a marker per place whose inventory
 * it changed ({@link #inventoryPending}), so neither an event nor a recount can be lost between two writes.
 */
@MongoEntity(collection = "batteries")
public class Battery {
    @BsonId
    public String id;
    public double soh;
    public int cycles;
    public Double temperatureC;
    public BatteryStatus status;
    public LocationType locationType;
    public String locationId;
    /** The rider holding it while {@code in_use}. */
    public String holderId;
    public String lastSwapId;
    public LastSwap lastSwap;
    public TransitLeg transit;
    /** Reported faulty while it could not be quarantined (with a rider or a transporter). */
    public boolean faultFlagged;
    public String lastFaultId;
    public String lastTicketId;
    public Instant statusChangedAt;
    public Instant commissionedAt;
    public Instant updatedAt;
    /** Set when an admin retires the battery; it then leaves every count and list. */
    public Instant retiredAt;
    public long version;
    public List<OutboxEntry> outbox = new ArrayList<>();
    /** Inventory recount markers, see {@code InventoryMarkers}. */
    public List<String> inventoryPending = new ArrayList<>();

    /** The station the battery is at, or {@code null} when it is elsewhere. */
    public String stationId() {
        return locationType == LocationType.STATION ? locationId : null;
    }
}
