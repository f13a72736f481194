package io.navswap.staff.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Request and answer shapes of the ai-service endpoints staff-service uses (SPEC §6). Answers always carry
 * {@code source} ({@code onnx}|{@code fallback}) and {@code model_version}; aliases absorb naming variants.
 */
public final class AiModels {
    /** Marks answers computed here because ai-service could not be reached. */
    public static final String LOCAL_FALLBACK = "fallback";
    public static final String LOCAL_MODEL_VERSION = "staff-service-heuristic-1";

    private AiModels() {
    }

    public record FaultRequest(String batteryId, String stationId, Double soh, Integer cycles, Double temperatureC,
            int recentFaultCount) {
    }

    public record FaultAnswer(
            @JsonAlias({ "probability", "fault_prob" }) double faultProbability,
            @JsonAlias("risk") String riskLevel,
            String source,
            String modelVersion) {
    }

    public record TrendRequest(String batteryId, Double soh, Integer cycles, Double temperatureC) {
    }

    public record TrendAnswer(
            @JsonProperty("soh_slope_per_100_cycles") @JsonAlias({ "slope", "soh_slope", "slope_per_100_cycles" })
            double sohSlopePer100Cycles,
            String source,
            String modelVersion) {
    }

    public record TrafficRequest(String stationId, int hours) {
    }

    public record HourlyTraffic(
            @JsonAlias({ "hour_offset", "offset" }) Integer hour,
            @JsonAlias({ "swaps", "value", "predicted_swaps", "traffic" }) double expectedSwaps) {
    }

    public record TrafficAnswer(
            String stationId,
            @JsonAlias({ "forecast", "curve", "hourly_forecast" }) List<HourlyTraffic> hourly,
            String source,
            String modelVersion) {

        public double peak() {
            return hourly == null ? 0 : hourly.stream().mapToDouble(HourlyTraffic::expectedSwaps).max().orElse(0);
        }
    }

    public record StationLoad(String stationId, String city, Double latitude, Double longitude, int staffOnDuty,
            double expectedSwapsPerHour, Integer queueLength, Integer chargedAvailable, Integer capacity) {
    }

    public record DiversionRequest(List<StationLoad> stations, double loadPerStaffThreshold, int timeWindowHours) {
    }

    public record DiversionMove(
            @JsonAlias("from") String fromStationId,
            @JsonAlias("to") String toStationId,
            @JsonAlias({ "count", "staff" }) int staffCount,
            String reason,
            String expectedEffect) {
    }

    public record DiversionAnswer(
            @JsonAlias({ "suggestions", "diversions" }) List<DiversionMove> moves,
            String source,
            String modelVersion) {
    }
}
