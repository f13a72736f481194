package io.navswap.ai.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Reliability of a station over the next week. {@code charger_uptime_pct}: last 7 days; {@code recent_faults}:
 * last 30 days. Any missing figure makes the fallback (90) answer.
 */
public record PredictStationReliabilityRequest(
        @NotBlank @Size(max = 64) String stationId,
        @DecimalMin("0") @DecimalMax("100") Double chargerUptimePct,
        @Min(0) @Max(100000) Integer recentFaults,
        @DecimalMin("0") @DecimalMax("100") Double avgBatterySoh,
        @Min(0) @Max(1200) Integer equipmentAgeMonths,
        @Min(0) @Max(36500) Integer daysSinceMaintenance,
        @DecimalMin("0") @DecimalMax("100000") Double swapsPerDay) {
}
