package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.PredictionSource;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record MicroTrafficPrediction(
        List<CellHeat> cells,
        String hottestGeohash,
        String model,
        PredictionSource source,
        String modelVersion,
        String fallbackReason,
        boolean cached) implements Answer {

    /** {@code heat} 0..1 ({@code level} low below 0.33, high from 0.66); {@code share} of the cells' total heat. */
    public record CellHeat(String geohash, double latitude, double longitude, double heat, String level,
            double share) {
    }
}
