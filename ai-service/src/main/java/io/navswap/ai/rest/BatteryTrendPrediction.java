package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.PredictionSource;

/**
 * {@code soh_slope_per_100_cycles} is negative (SOH points lost per 100 cycles); {@code cycles_until_soh_75}
 * is absent when the battery is already below 75 % or does not decline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatteryTrendPrediction(
        String batteryId,
        @JsonProperty("soh_slope_per_100_cycles") double sohSlopePer100Cycles,
        @JsonProperty("projected_soh_in_500_cycles") double projectedSohIn500Cycles,
        @JsonProperty("cycles_until_soh_75") Integer cyclesUntilSoh75,
        String model,
        PredictionSource source,
        String modelVersion,
        String fallbackReason,
        boolean cached) implements Answer {
}
