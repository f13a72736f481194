package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Battery moves between stations for the next {@code horizon_hours} (default 4) from {@code hour} (default:
 * now). Without every station's {@code predicted_load_per_hour} the fallback equalises inventory.
 * Coordinates, when given, make moves prefer the nearest source.
 */
public record PredictRebalancingRequest(
        @NotNull @Size(min = 2, max = 100) List<@Valid @NotNull StationStock> stations,
        @Min(1) @Max(24) Integer horizonHours,
        @Min(0) @Max(23) Integer hour) {

    public record StationStock(
            @NotBlank @Size(max = 64) String stationId,
            @NotNull @Min(1) @Max(10000) Integer capacity,
            @NotNull @Min(0) @Max(10000) Integer charged,
            @Min(0) @Max(10000) Integer charging,
            @DecimalMin("0") @DecimalMax("10000") Double predictedLoadPerHour,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {

        @JsonIgnore
        @AssertTrue(message = "charged + charging must not exceed capacity")
        public boolean isWithinCapacity() {
            return capacity == null || charged == null
                    || charged + (charging == null ? 0 : charging) <= capacity;
        }
    }
}
