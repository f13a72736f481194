package io.navswap.station.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

public record TelemetryRequest(
        @NotNull @DecimalMin("0") @DecimalMax("100") Double soh,
        @DecimalMin("-40") @DecimalMax("120") Double temperatureC,
        @Min(0) @Max(100000) Integer cycles,
        Boolean faultFlag) {
}
