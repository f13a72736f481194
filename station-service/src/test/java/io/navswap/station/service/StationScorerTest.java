package io.navswap.station.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StationScorerTest {
    private final StationScorer scorer = new StationScorer(0.30, 0.40, 0.30, 20, 60, 25, 5);

    @Test
    void perfectStationScoresOneAndComponentsAreNormalised() {
        StationScorer.Scored best = scorer.score(0.0, 10.0, 0);
        assertEquals(1.0, best.score(), 1e-9);
        StationScorer.Scored worst = scorer.score(10.0, 10.0, 20);
        assertEquals(0.0, worst.breakdown().distanceScore(), 1e-9);
        assertEquals(0.0, worst.breakdown().queueScore(), 1e-9);
        assertEquals(100.0, worst.breakdown().estimatedWaitMinutes(), 1e-9);
        assertEquals(0.0, worst.breakdown().timeScore(), 1e-9);
        assertEquals(0.0, worst.score(), 1e-9);
    }

    @Test
    void weightsAreThirtyFortyThirty() {
        // 5 km of 10, queue 4 of 20, wait 20 min vs ride 12 min -> time 20 min of 60
        StationScorer.Scored scored = scorer.score(5.0, 10.0, 4);
        assertEquals(0.5, scored.breakdown().distanceScore(), 1e-9);
        assertEquals(0.8, scored.breakdown().queueScore(), 1e-9);
        assertEquals(12.0, scored.breakdown().estimatedTravelMinutes(), 1e-9);
        assertEquals(20.0, scored.breakdown().timeToSwapMinutes(), 1e-9);
        assertEquals(1.0 - 20.0 / 60.0, scored.breakdown().timeScore(), 1e-4);
        assertEquals(0.30 * 0.5 + 0.40 * 0.8 + 0.30 * (2.0 / 3.0), scored.score(), 1e-4);
        assertEquals(StationScorer.WAIT_HEURISTIC, scored.breakdown().waitSource());
    }

    @Test
    void aShorterQueueBeatsASlightlyShorterRide() {
        assertTrue(scorer.score(3.0, 10.0, 0).score() > scorer.score(1.0, 10.0, 6).score());
    }

    @Test
    void aiEstimateReplacesTheFiveMinuteHeuristic() {
        StationScorer.Scored scored = scorer.score(1.0, 10.0, 3, 2.0, "ai-onnx");
        assertEquals(6.0, scored.breakdown().estimatedWaitMinutes(), 1e-9);
        assertEquals("ai-onnx", scored.breakdown().waitSource());
    }
}
