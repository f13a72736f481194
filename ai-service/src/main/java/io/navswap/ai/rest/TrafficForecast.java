package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.PredictionSource;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficForecast(
        String stationId,
        List<HourlyTraffic> curve,
        double totalSwaps,
        int peakHour,
        String model,
        PredictionSource source,
        String modelVersion,
        String fallbackReason,
        boolean cached) implements Answer {

    /** {@code offset} hours from the start; {@code hour} of day and {@code day_of_week} (1 = Monday). */
    public record HourlyTraffic(int offset, int hour, int dayOfWeek, double swapsPerHour) {
    }
}
