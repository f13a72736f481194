package io.navswap.station.rest;

/**
 * Why a station scored what it did. Each component is normalised to 0..1 (1 best):
 * distance = 1 − d/max_distance_km; queue = 1 − min(q, cap)/cap; time = 1 − min(t, cap)/cap where t is the
 * time until the swap can start, max(travel, wait) (the rider joins the queue when confirming, so the wait
 * overlaps the ride). {@code wait_source}: {@code ai-onnx}/{@code ai-fallback} when ai-service estimated the
 * minutes per rider ahead, {@code queue-heuristic} (5 min each) otherwise.
 */
public record ScoreBreakdown(
        double distanceKm,
        double distanceScore,
        int queueLength,
        double queueScore,
        double estimatedWaitMinutes,
        double estimatedTravelMinutes,
        double timeToSwapMinutes,
        double timeScore,
        String waitSource) {
}
