package io.navswap.station.service;

import io.navswap.messaging.OutboxEntry;
import io.navswap.messaging.OutboxEvents;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.FaultRecorded;
import io.navswap.shared.events.InventoryChanged;
import io.navswap.shared.events.Subjects;
import io.navswap.shared.events.Topics;
import io.navswap.station.domain.Battery;
import io.navswap.station.domain.StationInventory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The events station-service publishes, as outbox entries for the document write that implies them. */
@ApplicationScoped
public class StationEvents {
    /** Level 1 of SPEC §4: automatic quarantine. */
    public static final int FAULT_LEVEL_AUTOMATIC = 1;

    private final OutboxEvents outbox;

    StationEvents(OutboxEvents outbox) {
        this.outbox = outbox;
    }

    /** {@code inventory.changed} on navswap.jobs, key {@code station:<id>}. */
    public OutboxEntry inventoryChanged(String stationId, int capacity, StationInventory inventory, String reason) {
        InventoryChanged data = new InventoryChanged(stationId, capacity, inventory.countsWithZeros(), reason, Instant.now());
        return outbox.entry(Topics.JOBS, EventTypes.INVENTORY_CHANGED, Subjects.station(stationId), data);
    }

    public static String newFaultId() {
        return "FLT-" + UUID.randomUUID();
    }

    /** Level-1 {@code fault.recorded} on navswap.faults, key {@code battery:<id>}. */
    public OutboxEntry faultRecorded(String faultId, Battery battery, String stationId, String reason, double soh,
            String sourceEventId) {
        FaultRecorded data = new FaultRecorded(faultId, battery.id, stationId, FAULT_LEVEL_AUTOMATIC, reason, soh,
                battery.cycles, battery.temperatureC, sourceEventId, Instant.now());
        return outbox.entry(Topics.FAULTS, EventTypes.FAULT_RECORDED, Subjects.battery(battery.id), data);
    }
}
