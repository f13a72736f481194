package io.navswap.logistics.client;

/** What station-service says about a station ({@code GET /station/{id}}). */
public record StationInfo(String stationId, String name, String city, double latitude, double longitude, int capacity,
        boolean active) {
}
