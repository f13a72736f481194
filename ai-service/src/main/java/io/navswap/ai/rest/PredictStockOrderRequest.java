package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Charged batteries to order for a station, delivered in {@code lead_time_hours} (default 2). Without
 * {@code predicted_load_per_hour} the fallback reorders at 20 %.
 */
public record PredictStockOrderRequest(
        @NotBlank @Size(max = 64) String stationId,
        @NotNull @Min(1) @Max(10000) Integer capacity,
        @NotNull @Min(0) @Max(10000) Integer charged,
        @Min(0) @Max(10000) Integer charging,
        @DecimalMin("0") @DecimalMax("10000") Double predictedLoadPerHour,
        @DecimalMin("0.5") @DecimalMax("48") Double leadTimeHours,
        @Min(0) @Max(23) Integer hour) {

    @JsonIgnore
    @AssertTrue(message = "charged + charging must not exceed capacity")
    public boolean isWithinCapacity() {
        return capacity == null || charged == null || charged + (charging == null ? 0 : charging) <= capacity;
    }
}
