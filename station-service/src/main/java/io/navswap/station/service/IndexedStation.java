package io.navswap.station.service;

import io.navswap.station.domain.Station;
import io.navswap.station.domain.StationInventory;
import java.util.List;

/** What the spatial index keeps of an active station: enough to answer nearest/recommend without Mongo. */
public record IndexedStation(
        String id,
        String name,
        String city,
        double latitude,
        double longitude,
        int capacity,
        String address,
        List<Double> chargedSoh) implements StationGridIndex.Located {

    public static IndexedStation of(Station station) {
        StationInventory inventory = station.inventory == null ? StationInventory.empty() : station.inventory;
        return new IndexedStation(station.id, station.name, station.city, station.latitude, station.longitude,
                station.capacity, station.address, List.copyOf(inventory.chargedSoh == null ? List.of() : inventory.chargedSoh));
    }

    /** Charged batteries with SOH at least {@code minSoh} (the list is sorted best first). */
    public int chargedAtLeast(double minSoh) {
        int n = 0;
        for (double soh : chargedSoh) {
            if (soh < minSoh) {
                break;
            }
            n++;
        }
        return n;
    }

    public Double bestChargedSoh() {
        return chargedSoh.isEmpty() ? null : chargedSoh.get(0);
    }
}
