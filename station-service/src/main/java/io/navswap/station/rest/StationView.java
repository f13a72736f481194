package io.navswap.station.rest;

import io.navswap.station.domain.Station;
import io.navswap.station.domain.StationInventory;
import java.time.Instant;
import java.util.Map;

/**
 * A station with its inventory summary: the {@code GET /station/{id}} contract (station_id, name, city,
 * latitude, longitude, capacity, active, charged_available, best_charged_soh) plus address and counts.
 */
public record StationView(
        String stationId,
        String name,
        String city,
        double latitude,
        double longitude,
        int capacity,
        boolean active,
        String address,
        int chargedAvailable,
        Double bestChargedSoh,
        Map<String, Integer> inventory,
        int totalBatteries,
        Instant updatedAt) {

    public static StationView of(Station station, StationInventory inventory) {
        StationInventory counted = inventory == null ? StationInventory.empty() : inventory;
        return new StationView(station.id, station.name, station.city, station.latitude, station.longitude,
                station.capacity, station.active, station.address, counted.chargedAvailable(), counted.bestChargedSoh(),
                counted.countsWithZeros(), counted.total, station.updatedAt);
    }

    public static StationView of(Station station) {
        return of(station, station.inventory);
    }
}
