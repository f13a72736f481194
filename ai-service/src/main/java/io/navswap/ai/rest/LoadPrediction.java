package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.PredictionSource;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadPrediction(
        String stationId,
        int hour,
        int dayOfWeek,
        double predictedSwapsPerHour,
        String model,
        PredictionSource source,
        String modelVersion,
        String fallbackReason,
        boolean cached) implements Answer {
}
