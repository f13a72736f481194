package io.navswap.ai.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Minutes until the next customer reaches a station. {@code approaching_reservations}: reservations inside the
 * 1 km geofence. Without {@code recent_arrivals_per_hour} the fallback answers.
 */
public record PredictArrivalRequest(
        @NotBlank @Size(max = 64) String stationId,
        @NotBlank @Size(max = 64) String city,
        @Min(0) @Max(23) Integer hour,
        @Min(1) @Max(7) Integer dayOfWeek,
        @DecimalMin("0") @DecimalMax("10000") Double recentArrivalsPerHour,
        @Min(0) @Max(1000) Integer approachingReservations,
        @Min(0) @Max(10000) Integer queueLength) {
}
