package io.navswap.station.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Live status of one station. Staff on duty comes from staff-service: when it cannot answer, the part is
 * {@code null} and {@code staff_on_duty_known} false — never a guess. The predicted load is always given, and
 * its {@code source} says who produced it: ai-service's model ({@code onnx}), ai-service's heuristic
 * ({@code fallback}) or, with ai-service unreachable, the SPEC baseline of 8 swaps/hour applied here
 * ({@code local-fallback}, and {@code predicted_load_known} false).
 */
public record StationStatusView(
        String stationId,
        String name,
        String city,
        boolean active,
        int capacity,
        Map<String, Integer> inventory,
        int chargedAvailable,
        Double bestChargedSoh,
        int queueLength,
        List<StaffMember> staffOnDuty,
        Integer staffOnDutyCount,
        boolean staffOnDutyKnown,
        PredictedLoad predictedLoad,
        boolean predictedLoadKnown,
        Instant generatedAt) {

    public record StaffMember(String staffId, String name) {
    }

    /**
     * Swaps per hour expected in {@code hour} (0..23, station time: the coming hour); {@code source} {@code onnx},
     * {@code fallback} or {@code local-fallback}; {@code fallback_reason} only for a fallback.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PredictedLoad(double swapsPerHour, Integer hour, String source, String modelVersion,
            String fallbackReason) {
    }
}
