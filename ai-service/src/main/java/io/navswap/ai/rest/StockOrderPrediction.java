package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.PredictionSource;

/**
 * {@code urgency}: none (nothing to order), normal, high (under 3 h of charged stock, or under 20 % of
 * capacity when the load is unknown) or critical (under 1 h, or under 10 %).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockOrderPrediction(
        String stationId,
        int orderQuantity,
        String urgency,
        Double hoursOfCover,
        String model,
        PredictionSource source,
        String modelVersion,
        String fallbackReason,
        boolean cached) implements Answer {
}
