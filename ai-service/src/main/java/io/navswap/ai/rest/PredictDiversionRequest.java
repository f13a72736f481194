package io.navswap.ai.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Staff moves between stations. Without every station's capacity the fallback shares staff by load. */
public record PredictDiversionRequest(
        @NotNull @Size(min = 2, max = 100) List<@Valid @NotNull StationStaffing> stations) {

    public record StationStaffing(
            @NotBlank @Size(max = 64) String stationId,
            @NotNull @Min(0) @Max(1000) Integer staffOnDuty,
            @NotNull @DecimalMin("0") @DecimalMax("10000") Double predictedLoadPerHour,
            @Min(0) @Max(10000) Integer queueLength,
            @Min(1) @Max(10000) Integer capacity) {
    }
}
