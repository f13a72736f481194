package io.navswap.queue.rest;

import io.navswap.queue.service.LocationService.Result;
import java.time.Instant;
import java.util.List;

/** {@code distance_meters}, {@code reservation_id} and {@code status} are null when the rider holds no live reservation. */
public record LocationUpdateResponse(Double distanceMeters, String reservationId, String stationId, String status,
        List<String> triggered, Instant recordedAt) {

    static LocationUpdateResponse of(Result r) {
        return new LocationUpdateResponse(r.distanceMeters(), r.reservationId(), r.stationId(), r.status(),
                r.triggered(), r.recordedAt());
    }
}
