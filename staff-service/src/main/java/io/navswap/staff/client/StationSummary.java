package io.navswap.staff.client;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * What staff-service reads from station-service {@code GET /station/list}: identity and coordinates (for
 * the nearest technician), capacity, charged stock and the live queue length (for station load). Fields
 * station-service does not send stay null and are reported as unknown.
 */
public record StationSummary(
        @JsonAlias("id") String stationId,
        String name,
        String city,
        Double latitude,
        Double longitude,
        Integer capacity,
        Boolean active,
        @JsonAlias({ "charged", "charged_count" }) Integer chargedAvailable,
        @JsonAlias({ "queue", "queue_size", "active_reservations" }) Integer queueLength) {

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }
}
