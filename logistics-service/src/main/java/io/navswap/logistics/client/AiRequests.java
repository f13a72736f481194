package io.navswap.logistics.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What logistics sends to ai-service, exactly ai-service's request shapes (its README; snake_case on the wire,
 * null optional fields left out so ai-service applies its defaults). Components marked {@link JsonIgnore} are
 * logistics' own context for the heuristics and are not sent. ai-service's limits: 2..100 stations per
 * rebalancing request, 1..50 shops per partner-allocation request, {@code charged + charging <= capacity}.
 */
public final class AiRequests {
    private AiRequests() {
    }

    /**
     * {@code POST /ai/predict-stock-order}. {@code predictedLoadPerHour} is last hour's swaps at the station (a
     * persistence forecast from {@code swap.completed}), null when no swap was seen there for a day; ai-service
     * then answers with its own 20 % rule.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StockOrder(
            String stationId,
            int capacity,
            int charged,
            int charging,
            Double predictedLoadPerHour,
            Double leadTimeHours,
            int hour) {
    }

    /** One station of a {@code POST /ai/predict-rebalancing} request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StationStock(
            String stationId,
            int capacity,
            int charged,
            int charging,
            Double predictedLoadPerHour,
            double latitude,
            double longitude,
            @JsonIgnore int surplus,
            @JsonIgnore double distanceKm) {
    }

    /**
     * {@code POST /ai/predict-rebalancing}: the short station and the candidate sources; the model's moves into
     * {@code targetStationId} are the ones used.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rebalancing(
            List<StationStock> stations,
            Integer horizonHours,
            int hour,
            @JsonIgnore String targetStationId,
            @JsonIgnore int batteriesNeeded) {
    }

    /**
     * One shop of a {@code POST /ai/predict-partner-allocation} request. {@code handlingMinutesPerBattery}: shops do
     * not report it, so it is the configured {@code shop-handling-minutes-per-battery}; without it ai-service
     * answers with its nearest-shop fallback.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShopStock(
            String shopId,
            double latitude,
            double longitude,
            int freeSlots,
            int capacity,
            Double handlingMinutesPerBattery,
            @JsonIgnore int available,
            @JsonIgnore double distanceKm) {
    }

    /**
     * {@code POST /ai/predict-partner-allocation}: where to park {@code batteryCount} overflow batteries of a
     * station ({@code STORE}). Collecting batteries from shops ({@code COLLECT}) is not what that model answers;
     * it uses the nearest-shop heuristic only.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartnerAllocation(
            String stationId,
            double latitude,
            double longitude,
            int batteryCount,
            int hour,
            List<ShopStock> shops,
            @JsonIgnore String direction) {
        public static final String COLLECT = "collect";
        public static final String STORE = "store";
    }
}
