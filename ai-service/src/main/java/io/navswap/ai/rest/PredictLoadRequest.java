package io.navswap.ai.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Swaps per hour expected at a station in an hour (default: the coming hour). Without
 * {@code recent_swaps_per_hour} or with a city the model does not know, the fallback answers.
 */
public record PredictLoadRequest(
        @NotBlank @Size(max = 64) String stationId,
        @NotBlank @Size(max = 64) String city,
        @NotNull @Min(1) @Max(500) Integer capacity,
        @Min(0) @Max(23) Integer hour,
        @Min(1) @Max(7) Integer dayOfWeek,
        Boolean event,
        Boolean raining,
        @DecimalMin("0") @DecimalMax("10000") Double recentSwapsPerHour) {
}
