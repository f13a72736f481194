package io.navswap.station.service;

import io.navswap.station.domain.Battery;
import io.navswap.station.domain.BatteryStatus;
import io.navswap.station.domain.StationInventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns the batteries found at a place into its inventory summary. */
public final class InventoryCounts {
    private InventoryCounts() {
    }

    public static StationInventory of(List<Battery> batteries) {
        Map<BatteryStatus, Integer> counts = new EnumMap<>(BatteryStatus.class);
        List<Double> chargedSoh = new ArrayList<>();
        for (Battery battery : batteries) {
            if (battery.retiredAt != null || battery.status == null) {
                continue;
            }
            counts.merge(battery.status, 1, Integer::sum);
            if (battery.status == BatteryStatus.CHARGED) {
                chargedSoh.add(battery.soh);
            }
        }
        return StationInventory.of(counts, chargedSoh, Instant.now());
    }
}
