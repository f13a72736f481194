package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.PredictionSource;

/** {@code reliability_score} 0..100; {@code level}: good from 85, watch from 70, else poor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StationReliabilityPrediction(
        String stationId,
        double reliabilityScore,
        String level,
        String model,
        PredictionSource source,
        String modelVersion,
        String fallbackReason,
        boolean cached) implements Answer {
}
