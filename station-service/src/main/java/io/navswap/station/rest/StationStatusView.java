package io.navswap.station.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Live status of one station. Parts that come from other services say whether they are known: when
 * staff-service or ai-service cannot answer, the part is {@code null} and its {@code *_known} flag false —
 * never a guess.
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

    /** ai-service's load forecast; {@code source} is {@code onnx} or {@code fallback} as ai-service says. */
    public record PredictedLoad(double swapsPerHour, int horizonHours, String source, String modelVersion) {
    }
}
