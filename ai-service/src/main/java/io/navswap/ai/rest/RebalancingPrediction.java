package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.Move;
import io.navswap.ai.domain.PredictionSource;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebalancingPrediction(
        List<Move> moves,
        int batteriesMoved,
        List<StationTarget> stations,
        String model,
        PredictionSource source,
        String modelVersion,
        String fallbackReason,
        boolean cached) implements Answer {

    /** Charged batteries a station holds now and should hold for the horizon. */
    public record StationTarget(String stationId, int charged, int targetCharged) {
    }
}
