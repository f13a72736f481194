package io.navswap.station.service;

import io.navswap.station.config.StationConfig;
import io.navswap.station.rest.ScoreBreakdown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * score = w_distance·distance + w_queue·queue + w_time·time (0.30/0.40/0.30 by default), each component normalised
 * to 0..1 with 1 best, on absolute scales (so a score means the same whatever else is nearby):
 * <ul>
 * <li>distance = 1 − d / max_distance_km of the request;</li>
 * <li>queue = 1 − min(q, queue_cap) / queue_cap;</li>
 * <li>time = 1 − min(t, time_cap) / time_cap, t = max(travel minutes, queue wait minutes): the rider joins the
 * queue when confirming, so the wait runs while riding there.</li>
 * </ul>
 */
@ApplicationScoped
public class StationScorer {
    public static final String WAIT_HEURISTIC = "queue-heuristic";

    private final double weightDistance;
    private final double weightQueue;
    private final double weightTime;
    private final int queueCap;
    private final double timeCap;
    private final double speedKmh;
    private final double minutesPerSwap;

    @Inject
    StationScorer(StationConfig config) {
        this(config.recommend().weightDistance(), config.recommend().weightQueue(), config.recommend().weightTime(),
                config.recommend().queueCap(), config.recommend().timeCapMinutes(), config.recommend().averageSpeedKmh(),
                config.recommend().minutesPerSwap());
    }

    public StationScorer(double weightDistance, double weightQueue, double weightTime, int queueCap, double timeCap,
            double speedKmh, double minutesPerSwap) {
        if (queueCap <= 0 || timeCap <= 0 || speedKmh <= 0 || minutesPerSwap < 0) {
            throw new IllegalArgumentException("Recommendation caps, speed and minutes per swap must be positive");
        }
        this.weightDistance = weightDistance;
        this.weightQueue = weightQueue;
        this.weightTime = weightTime;
        this.queueCap = queueCap;
        this.timeCap = timeCap;
        this.speedKmh = speedKmh;
        this.minutesPerSwap = minutesPerSwap;
    }

    public record Scored(double score, ScoreBreakdown breakdown) {
    }

    /** Scores with the heuristic wait (queue length × minutes per swap). */
    public Scored score(double distanceKm, double maxDistanceKm, int queueLength) {
        return score(distanceKm, maxDistanceKm, queueLength, minutesPerSwap, WAIT_HEURISTIC);
    }

    /** Scores with {@code minutesPerRider} for each rider ahead, as {@code waitSource} estimated it. */
    public Scored score(double distanceKm, double maxDistanceKm, int queueLength, double minutesPerRider,
            String waitSource) {
        double distanceScore = clamp01(1.0 - distanceKm / maxDistanceKm);
        double queueScore = clamp01(1.0 - Math.min(queueLength, queueCap) / (double) queueCap);
        double wait = queueLength * minutesPerRider;
        double travel = distanceKm / speedKmh * 60.0;
        double timeToSwap = Math.max(travel, wait);
        double timeScore = clamp01(1.0 - Math.min(timeToSwap, timeCap) / timeCap);
        double score = weightDistance * distanceScore + weightQueue * queueScore + weightTime * timeScore;
        ScoreBreakdown breakdown = new ScoreBreakdown(round(distanceKm, 3), round(distanceScore, 4), queueLength,
                round(queueScore, 4), round(wait, 1), round(travel, 1), round(timeToSwap, 1), round(timeScore, 4),
                waitSource);
        return new Scored(round(score, 4), breakdown);
    }

    public Map<String, Double> weights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("distance", weightDistance);
        weights.put("queue", weightQueue);
        weights.put("time", weightTime);
        return weights;
    }

    static double clamp01(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }

    public static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
