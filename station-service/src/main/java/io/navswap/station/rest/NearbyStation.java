package io.navswap.station.rest;

/** A station found by {@code GET /station/nearest}; {@code charged_available} counts batteries meeting the SOH asked. */
public record NearbyStation(
        String stationId,
        String name,
        String city,
        double latitude,
        double longitude,
        String address,
        int capacity,
        double distanceKm,
        int chargedAvailable,
        Double bestChargedSoh,
        int queueLength) {
}
