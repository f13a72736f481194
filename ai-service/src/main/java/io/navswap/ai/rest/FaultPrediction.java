package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.PredictionSource;

/** {@code risk_level}: high at a probability of 0.5 or more, medium from 0.2, else low. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultPrediction(
        String batteryId,
        double faultProbability,
        String riskLevel,
        String model,
        PredictionSource source,
        String modelVersion,
        String fallbackReason,
        boolean cached) implements Answer {
}
