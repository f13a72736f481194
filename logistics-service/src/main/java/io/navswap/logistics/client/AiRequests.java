package io.navswap.logistics.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What logistics sends to ai-service, in ai-service's request shapes (snake_case on the wire). Components
 * marked {@link JsonIgnore} are logistics' own context for the heuristics and are not sent.
 */
public final class AiRequests {
    private AiRequests() {
    }

    /**
     * {@code POST /ai/predict-stock-order}. {@code predictedLoadPerHour} is last hour's swaps at the station (a
     * persistence forecast from {@code swap.completed}), null when no swap was seen there for a day; ai-service
     * then answers with its own 20 % rule.
     */
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
    public record Rebalancing(
            List<StationStock> stations,
            Integer horizonHours,
            int hour,
            @JsonIgnore String targetStationId,
            @JsonIgnore int batteriesNeeded) {
    }

    /** One shop of a {@code POST /ai/predict-partner-allocation} request. */
    public record ShopStock(
            String shopId,
            double latitude,
            double longitude,
            int freeSlots,
            int capacity,
            @JsonIgnore int available,
            @JsonIgnore double distanceKm) {
    }

    /**
     * {@code POST /ai/predict-partner-allocation}: where to park {@code batteryCount} overflow batteries of a
     * station ({@code STORE}). Collecting batteries from shops ({@code COLLECT}) is not what that model answers;
     * it uses the nearest-shop heuristic only.
     */
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
