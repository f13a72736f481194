package io.navswap.ai.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Hourly swap curve for {@code hours} hours (default 24) from {@code start_hour} (default: the coming hour).
 * {@code historical_average_per_hour}: the station's average over recent weeks (the fallback's flat curve).
 */
public record ForecastTrafficRequest(
        @NotBlank @Size(max = 64) String stationId,
        @NotBlank @Size(max = 64) String city,
        @NotNull @Min(1) @Max(500) Integer capacity,
        @NotNull @DecimalMin("0") @DecimalMax("10000") Double historicalAveragePerHour,
        @Min(0) @Max(23) Integer startHour,
        @Min(1) @Max(7) Integer dayOfWeek,
        @Min(1) @Max(72) Integer hours,
        Boolean event,
        Boolean raining) {
}
