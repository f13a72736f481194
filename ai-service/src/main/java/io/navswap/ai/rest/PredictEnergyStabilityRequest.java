package io.navswap.ai.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Grid stability of a station from its recent power draw ({@code recent_power_kw}, oldest first, e.g. 15-min
 * samples). Without voltage deviation, ambient temperature or the charging count the fallback scores the
 * smoothed draw.
 */
public record PredictEnergyStabilityRequest(
        @NotBlank @Size(max = 64) String stationId,
        @NotNull @DecimalMin("1") @DecimalMax("100000") Double gridLimitKw,
        @NotNull @Size(min = 4, max = 288) List<@NotNull @DecimalMin("0") @DecimalMax("100000") Double> recentPowerKw,
        @Min(0) @Max(10000) Integer chargingBatteries,
        @DecimalMin("0") @DecimalMax("100") Double voltageDeviationPct,
        @DecimalMin("-40") @DecimalMax("70") Double ambientTemperatureC) {
}
