package io.navswap.logistics.client;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The SPEC §6 fallbacks of the three logistics models, computed locally: used when ai-service cannot be
 * asked, and when its answer names nothing this service can act on.
 */
public final class Heuristics {
    private Heuristics() {
    }

    /** Stock order: reorder below {@code lowRatio} of capacity, up to {@code targetRatio} of it. */
    public static Advice.StockOrder stockOrder(AiRequests.StockOrder request, double lowRatio, double targetRatio) {
        int capacity = Math.max(0, request.capacity());
        int charged = request.charged();
        boolean reorder = capacity > 0 && charged < capacity * lowRatio;
        int quantity = reorder ? Math.max(1, (int) Math.ceil(capacity * targetRatio) - charged) : 0;
        String urgency;
        if (!reorder) {
            urgency = "low";
        } else if (charged == 0) {
            urgency = "critical";
        } else if (charged < capacity * lowRatio / 2) {
            urgency = "high";
        } else {
            urgency = "medium";
        }
        return new Advice.StockOrder(reorder, quantity, urgency, Advice.LOCAL_HEURISTIC, null);
    }

    /**
     * Equalise inventory: the station with the highest charged share that has something to give sends what the
     * target needs (up to its surplus); ties go to the nearest.
     */
    public static Advice.Rebalancing equalise(AiRequests.Rebalancing request) {
        Optional<AiRequests.StationStock> fullest = request.stations().stream()
                .filter(s -> s.surplus() > 0 && !s.stationId().equals(request.targetStationId()))
                .min(Comparator.comparingDouble((AiRequests.StationStock s) -> -share(s.charged(), s.capacity()))
                        .thenComparingDouble(AiRequests.StationStock::distanceKm)
                        .thenComparing(AiRequests.StationStock::stationId));
        List<Advice.Move> moves = fullest
                .map(s -> List.of(new Advice.Move(s.stationId(), request.targetStationId(),
                        Math.min(s.surplus(), request.batteriesNeeded()))))
                .orElse(List.of());
        return new Advice.Rebalancing(moves, Advice.LOCAL_HEURISTIC, null);
    }

    /** Nearest shop: the nearest one that can give ({@code collect}) or take ({@code store}) batteries. */
    public static Advice.PartnerAllocation nearestShop(AiRequests.PartnerAllocation request) {
        boolean collect = AiRequests.PartnerAllocation.COLLECT.equals(request.direction());
        Optional<AiRequests.ShopStock> nearest = request.shops().stream()
                .filter(s -> (collect ? s.available() : s.freeSlots()) > 0)
                .min(Comparator.comparingDouble(AiRequests.ShopStock::distanceKm)
                        .thenComparing(AiRequests.ShopStock::shopId));
        List<Advice.Assignment> assignments = nearest
                .map(s -> List.of(new Advice.Assignment(s.shopId(),
                        Math.min(collect ? s.available() : s.freeSlots(), request.batteryCount()))))
                .orElse(List.of());
        return new Advice.PartnerAllocation(assignments, Advice.LOCAL_HEURISTIC, null);
    }

    private static double share(int charged, int capacity) {
        return capacity <= 0 ? 0 : (double) charged / capacity;
    }
}
