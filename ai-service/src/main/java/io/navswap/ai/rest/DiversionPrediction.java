package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.Move;
import io.navswap.ai.domain.PredictionSource;
import java.util.List;

/** {@code moves} of staff (counts; staff-service picks who); every station keeps at least one person. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiversionPrediction(
        List<Move> moves,
        List<StationNeed> stations,
        String model,
        PredictionSource source,
        String modelVersion,
        String fallbackReason,
        boolean cached) implements Answer {

    public record StationNeed(String stationId, int staffOnDuty, int requiredStaff, double loadPerStaff) {
    }
}
