package io.navswap.staff.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Request and answer shapes of the ai-service endpoints staff-service uses, exactly as ai-service defines them
 * (its README). Components marked {@link JsonIgnore} are staff-service's own context (for its heuristics) and are
 * not sent; unknown optional figures are left out, and ai-service then answers with its own fallback. Answers
 * carry {@code source} ({@code onnx}|{@code fallback}) and {@code model_version}; one computed here because
 * ai-service could not be reached says {@value #LOCAL_FALLBACK}.
 */
public final class AiModels {
    /** Marks answers computed here because ai-service could not be reached. */
    public static final String LOCAL_FALLBACK = "local-fallback";
    public static final String LOCAL_MODEL_VERSION = "staff-service-heuristic-1";

    private AiModels() {
    }

    /**
     * {@code POST /ai/predict-fault}: {@code battery_id, soh} (required), {@code cycles, temperature_c},
     * {@code recent_faults} (faults of the battery in the last 30 days).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FaultRequest(String batteryId, @JsonIgnore String stationId, Double soh, Integer cycles,
            Double temperatureC, @JsonProperty("recent_faults") int recentFaultCount) {
    }

    /** {@code fault_probability} 0..1, {@code risk_level} low/medium/high (ai-service) or the local levels. */
    public record FaultAnswer(Double faultProbability, String riskLevel, String source, String modelVersion) {
    }

    /**
     * {@code POST /ai/predict-battery-trend}: {@code battery_id, soh, cycles}. The model also wants
     * {@code avg_temperature_c, fast_charge_share, avg_depth_of_discharge}, which staff-service does not know (a
     * fault carries one temperature reading, not an average): ai-service then extrapolates the decline so far
     * and says {@code source: fallback}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrendRequest(String batteryId, Double soh, Integer cycles, @JsonIgnore Double temperatureC) {
    }

    public record TrendAnswer(
            @JsonProperty("soh_slope_per_100_cycles") Double sohSlopePer100Cycles,
            String source,
            String modelVersion) {
    }

    /**
     * {@code POST /ai/forecast-traffic}: {@code station_id, city, capacity, historical_average_per_hour}
     * (required) and {@code hours} (1..72); the curve starts at the coming hour (ai-service's default).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrafficRequest(String stationId, String city, Integer capacity, double historicalAveragePerHour,
            int hours) {
    }

    /** One hour of the curve: {@code offset} hours from the start, {@code hour} of day, {@code day_of_week}. */
    public record HourlyTraffic(Integer offset, Integer hour, Integer dayOfWeek, Double swapsPerHour) {
    }

    public record TrafficAnswer(String stationId, List<HourlyTraffic> curve, String source, String modelVersion) {

        /** The busiest hour's expected swaps. */
        public double peak() {
            return curve == null ? 0 : curve.stream().mapToDouble(HourlyTraffic::swapsPerHour).max().orElse(0);
        }
    }

    /**
     * One station of a {@code POST /ai/predict-diversion} request: {@code station_id, staff_on_duty,
     * predicted_load_per_hour} (required), {@code queue_length, capacity}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StationLoad(String stationId, @JsonIgnore String city, @JsonIgnore Double latitude,
            @JsonIgnore Double longitude, int staffOnDuty,
            @JsonProperty("predicted_load_per_hour") double expectedSwapsPerHour, Integer queueLength,
            @JsonIgnore Integer chargedAvailable, Integer capacity) {
    }

    /** {@code POST /ai/predict-diversion}: {@code stations} (2..100); the threshold and window are for the heuristic. */
    public record DiversionRequest(List<StationLoad> stations, @JsonIgnore double loadPerStaffThreshold,
            @JsonIgnore int timeWindowHours) {
    }

    /** A move of {@code count} people from station {@code from} to station {@code to} (ai-service's shape). */
    public record DiversionMove(
            @JsonProperty("from") String fromStationId,
            @JsonProperty("to") String toStationId,
            @JsonProperty("count") int staffCount,
            @JsonIgnore String reason,
            @JsonIgnore String expectedEffect) {
    }

    public record DiversionAnswer(List<DiversionMove> moves, String source, String modelVersion) {
    }
}
