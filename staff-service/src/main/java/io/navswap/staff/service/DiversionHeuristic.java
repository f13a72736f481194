package io.navswap.staff.service;

import io.navswap.shared.geo.Haversine;
import io.navswap.staff.client.AiModels.DiversionMove;
import io.navswap.staff.client.AiModels.DiversionRequest;
import io.navswap.staff.client.AiModels.StationLoad;
import io.navswap.staff.config.StaffConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The staff-diversion fallback (SPEC §6 "load/staff ratio"): for each overloaded station, worst first,
 * borrow one person at a time from the nearest station of the same city that stays comfortably below
 * the threshold and keeps its minimum staff, until the target is at or below the threshold.
 */
@ApplicationScoped
public class DiversionHeuristic {
    private final StaffConfig config;

    DiversionHeuristic(StaffConfig config) {
        this.config = config;
    }

    public List<DiversionMove> moves(DiversionRequest request) {
        double threshold = request.loadPerStaffThreshold();
        double donorLimit = threshold * config.diversion().donorMaxRatio();
        int minStaff = config.diversion().minStaffPerStation();
        Map<String, StationLoad> byId = new LinkedHashMap<>();
        Map<String, Integer> staff = new HashMap<>();
        for (StationLoad s : request.stations()) {
            byId.put(s.stationId(), s);
            staff.put(s.stationId(), s.staffOnDuty());
        }
        List<StationLoad> overloaded = request.stations().stream()
                .filter(s -> ratio(s.expectedSwapsPerHour(), s.staffOnDuty()) > threshold)
                .sorted(Comparator.comparingDouble((StationLoad s) -> ratio(s.expectedSwapsPerHour(), s.staffOnDuty()))
                        .reversed().thenComparing(StationLoad::stationId))
                .toList();
        Map<String, Integer> pairs = new LinkedHashMap<>();
        for (StationLoad target : overloaded) {
            while (ratio(target.expectedSwapsPerHour(), staff.get(target.stationId())) > threshold) {
                StationLoad donor = nearestDonor(target, byId, staff, donorLimit, minStaff);
                if (donor == null) {
                    break;
                }
                staff.merge(donor.stationId(), -1, Integer::sum);
                staff.merge(target.stationId(), 1, Integer::sum);
                pairs.merge(donor.stationId() + "\u0000" + target.stationId(), 1, Integer::sum);
            }
        }
        List<DiversionMove> moves = new ArrayList<>();
        pairs.forEach((key, count) -> {
            String[] ids = key.split("\u0000");
            StationLoad from = byId.get(ids[0]);
            StationLoad to = byId.get(ids[1]);
            moves.add(new DiversionMove(from.stationId(), to.stationId(), count, reason(from, to, threshold),
                    effect(from, to, staff.get(from.stationId()), staff.get(to.stationId()))));
        });
        return moves;
    }

    private StationLoad nearestDonor(StationLoad target, Map<String, StationLoad> byId, Map<String, Integer> staff,
            double donorLimit, int minStaff) {
        StationLoad best = null;
        double bestDistance = Double.MAX_VALUE;
        for (StationLoad candidate : byId.values()) {
            if (candidate.stationId().equals(target.stationId()) || !sameCity(candidate, target)) {
                continue;
            }
            int left = staff.get(candidate.stationId()) - 1;
            if (left < minStaff || left < 1 || ratio(candidate.expectedSwapsPerHour(), left) > donorLimit) {
                continue;
            }
            double distance = distance(candidate, target);
            if (distance > config.diversion().maxDonorDistanceKm()) {
                continue;
            }
            if (best == null || distance < bestDistance
                    || (distance == bestDistance && candidate.stationId().compareTo(best.stationId()) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Expected swaps per hour per person on duty; nobody on duty with demand is infinitely loaded. */
    public static double ratio(double expectedSwapsPerHour, int staffOnDuty) {
        if (staffOnDuty <= 0) {
            return expectedSwapsPerHour > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return expectedSwapsPerHour / staffOnDuty;
    }

    static String reason(StationLoad from, StationLoad to, double threshold) {
        return String.format(Locale.ROOT,
                "%s expects %.1f swaps/h with %d on duty (%s per person, threshold %.1f); %s expects %.1f swaps/h with %d on duty (%s per person)",
                to.stationId(), to.expectedSwapsPerHour(), to.staffOnDuty(),
                format(ratio(to.expectedSwapsPerHour(), to.staffOnDuty())), threshold,
                from.stationId(), from.expectedSwapsPerHour(), from.staffOnDuty(),
                format(ratio(from.expectedSwapsPerHour(), from.staffOnDuty())));
    }

    static String effect(StationLoad from, StationLoad to, int fromAfter, int toAfter) {
        return String.format(Locale.ROOT, "load per person at %s %s → %s swaps/h; at %s %s → %s swaps/h",
                to.stationId(), format(ratio(to.expectedSwapsPerHour(), to.staffOnDuty())),
                format(ratio(to.expectedSwapsPerHour(), toAfter)),
                from.stationId(), format(ratio(from.expectedSwapsPerHour(), from.staffOnDuty())),
                format(ratio(from.expectedSwapsPerHour(), fromAfter)));
    }

    static String format(double value) {
        return Double.isInfinite(value) ? "∞" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static boolean sameCity(StationLoad a, StationLoad b) {
        return a.city() != null && a.city().equalsIgnoreCase(b.city());
    }

    private static double distance(StationLoad a, StationLoad b) {
        if (a.latitude() == null || a.longitude() == null || b.latitude() == null || b.longitude() == null) {
            return 0;
        }
        return Haversine.km(a.latitude(), a.longitude(), b.latitude(), b.longitude());
    }
}
