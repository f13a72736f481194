package io.navswap.ai.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The operational action to take at a station now. Without {@code predicted_load_per_hour} the fallback answers. */
public record PredictActionRequest(
        @Size(max = 64) String stationId,
        @NotNull @Min(0) @Max(10000) Integer queueLength,
        @NotNull @Min(0) @Max(10000) Integer chargedAvailable,
        @NotNull @Min(1) @Max(10000) Integer capacity,
        @NotNull @Min(0) @Max(1000) Integer staffOnDuty,
        @DecimalMin("0") @DecimalMax("10000") Double predictedLoadPerHour,
        @Min(0) @Max(10000) Integer openFaults) {
}
