package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.PredictionSource;
import java.util.Map;

/**
 * {@code action}: no_action, add_staff, rebalance_stock, inspect_batteries or pause_reservations;
 * {@code priority}: high, medium or low; {@code probabilities} per action when the model answered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionPrediction(
        String stationId,
        String action,
        String priority,
        Double confidence,
        Map<String, Double> probabilities,
        String model,
        PredictionSource source,
        String modelVersion,
        String fallbackReason,
        boolean cached) implements Answer {
}
