package io.navswap.ai.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns per-station surpluses and deficits into moves: the largest deficit is served first, from the
 * nearest station with a surplus (the largest surplus when distances are unknown). Deterministic: ties go to
 * the earlier station in the request.
 */
public final class MovePlanner {
    private MovePlanner() {
    }

    /**
     * @param distanceKm distance between stations i and j, or null where unknown
     */
    public static List<Move> plan(List<String> stationIds, int[] surplus, int[] deficit, Double[][] distanceKm) {
        int[] give = surplus.clone();
        int[] need = deficit.clone();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Double> distances = new LinkedHashMap<>();
        while (true) {
            int to = -1;
            for (int j = 0; j < need.length; j++) {
                if (need[j] > 0 && (to < 0 || need[j] > need[to])) {
                    to = j;
                }
            }
            if (to < 0) {
                break;
            }
            int from = -1;
            for (int i = 0; i < give.length; i++) {
                if (i == to || give[i] <= 0) {
                    continue;
                }
                if (from < 0 || closer(distanceKm, i, from, to, give)) {
                    from = i;
                }
            }
            if (from < 0) {
                break;
            }
            int count = Math.min(need[to], give[from]);
            need[to] -= count;
            give[from] -= count;
            String key = from + ">" + to;
            counts.computeIfAbsent(key, k -> new int[1])[0] += count;
            distances.put(key, distanceKm == null ? null : distanceKm[from][to]);
        }
        List<Move> moves = new ArrayList<>();
        counts.forEach((key, count) -> {
            String[] pair = key.split(">");
            Double d = distances.get(key);
            moves.add(new Move(stationIds.get(Integer.parseInt(pair[0])), stationIds.get(Integer.parseInt(pair[1])),
                    count[0], d == null ? null : Math.round(d * 100) / 100.0));
        });
        return moves;
    }

    private static boolean closer(Double[][] distanceKm, int candidate, int best, int to, int[] give) {
        Double dc = distanceKm == null ? null : distanceKm[candidate][to];
        Double db = distanceKm == null ? null : distanceKm[best][to];
        if (dc != null && db != null) {
            return dc < db;
        }
        if (dc != null || db != null) {
            return dc != null;
        }
        return give[candidate] > give[best];
    }
}
