package io.navswap.logistics.client;

import java.util.List;

/** What the models (or, when they cannot be asked, the heuristics) advise. */
public final class Advice {
    /** Set on advice computed here because ai-service could not be asked or answered nonsense. */
    public static final String LOCAL_HEURISTIC = "heuristic";

    private Advice() {
    }

    public record StockOrder(boolean reorder, int quantity, String urgency, String source, String modelVersion) {
    }

    public record Move(String fromStationId, String toStationId, int count) {
    }

    public record Rebalancing(List<Move> moves, String source, String modelVersion) {
    }

    public record Assignment(String shopId, int count) {
    }

    public record PartnerAllocation(List<Assignment> assignments, String source, String modelVersion) {
    }

    /** {@code heuristic}, or {@code ai:<source>:<model_version>} for an ai-service answer. */
    public static String plannedBy(String source, String modelVersion) {
        if (LOCAL_HEURISTIC.equals(source)) {
            return LOCAL_HEURISTIC;
        }
        return "ai:" + (source == null ? "unknown" : source) + ":" + (modelVersion == null ? "unknown" : modelVersion);
    }
}
