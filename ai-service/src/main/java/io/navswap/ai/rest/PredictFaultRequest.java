package io.navswap.ai.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Fault risk of a battery within 30 days. {@code recent_faults} = faults recorded in the last 30 days
 * (default 0). Without cycles or temperature the fallback answers from SOH alone.
 */
public record PredictFaultRequest(
        @Size(max = 64) String batteryId,
        @NotNull @DecimalMin("0") @DecimalMax("100") Double soh,
        @Min(0) @Max(100000) Integer cycles,
        @DecimalMin("-40") @DecimalMax("150") Double temperatureC,
        @Min(0) @Max(1000) Integer recentFaults) {
}
