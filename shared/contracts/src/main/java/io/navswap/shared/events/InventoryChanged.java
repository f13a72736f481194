package io.navswap.shared.events;

import java.time.Instant;
import java.util.Map;

/** A station's battery counts by status after a change; logistics decides on rebalancing from these. */
public record InventoryChanged(
        String stationId,
        int capacity,
        Map<String, Integer> countsByStatus,
        String reason,
        Instant changedAt) {
}
