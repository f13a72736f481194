package io.navswap.ai.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * SOH trend of a battery. Shares are 0..1 (fast-charge share of charges, average depth of discharge);
 * without them or the average temperature the fallback extrapolates the decline so far.
 */
public record PredictBatteryTrendRequest(
        @Size(max = 64) String batteryId,
        @NotNull @DecimalMin("0") @DecimalMax("100") Double soh,
        @NotNull @Min(0) @Max(100000) Integer cycles,
        @DecimalMin("-40") @DecimalMax("150") Double avgTemperatureC,
        @DecimalMin("0") @DecimalMax("1") Double fastChargeShare,
        @DecimalMin("0") @DecimalMax("1") Double avgDepthOfDischarge) {
}
