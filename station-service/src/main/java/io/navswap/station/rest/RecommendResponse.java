package io.navswap.station.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Top stations, best first; {@code considered_stations} counts those in range with a suitable charged battery. */
public record RecommendResponse(
        List<Recommendation> recommendations,
        Map<String, Double> weights,
        int consideredStations,
        double maxDistanceKm,
        Double batterySohMin,
        Instant generatedAt) {
}
