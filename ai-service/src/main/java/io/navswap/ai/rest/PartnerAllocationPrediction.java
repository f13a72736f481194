package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.PredictionSource;
import java.util.List;

/** Assignments in the order to use them; {@code unassigned} batteries found no free slot. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerAllocationPrediction(
        String stationId,
        List<ShopAssignment> assignments,
        int unassigned,
        String model,
        PredictionSource source,
        String modelVersion,
        String fallbackReason,
        boolean cached) implements Answer {

    /** {@code estimated_turnaround_minutes} only when the model answered. */
    public record ShopAssignment(String shopId, int count, double distanceKm, Double estimatedTurnaroundMinutes) {
    }
}
