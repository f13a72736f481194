package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.PredictionSource;

/** {@code level}: stable from 75, watch from 50, else unstable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnergyStabilityPrediction(
        String stationId,
        double stabilityScore,
        String level,
        double smoothedPowerKw,
        double loadFactor,
        String model,
        PredictionSource source,
        String modelVersion,
        String fallbackReason,
        boolean cached) implements Answer {
}
