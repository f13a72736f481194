package io.navswap.queue.client;

/** {@code GET /station/{id}} of station-service. */
public record StationView(
        String stationId,
        String name,
        String city,
        double latitude,
        double longitude,
        int capacity,
        boolean active,
        int chargedAvailable,
        Double bestChargedSoh) {
}
