package io.navswap.staff.service;

import io.navswap.staff.client.AiClient;
import io.navswap.staff.client.AiModels;
import io.navswap.staff.client.AiModels.DiversionAnswer;
import io.navswap.staff.client.AiModels.DiversionMove;
import io.navswap.staff.client.AiModels.DiversionRequest;
import io.navswap.staff.client.AiModels.StationLoad;
import io.navswap.staff.client.AiModels.TrafficAnswer;
import io.navswap.staff.client.AiModels.TrafficRequest;
import io.navswap.staff.client.StationSummary;
import io.navswap.staff.config.StaffConfig;
import io.navswap.staff.domain.AssignmentKind;
import io.navswap.staff.domain.Priority;
import io.navswap.staff.service.OnDutyService.Duty;
import io.navswap.staff.service.StationDirectory.Directory;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Diversion suggestions. Inputs, all explicit in the answer: the station set, capacity, charged stock and
 * queue length from station-service {@code GET /station/list} (caller's token); who is on duty from our own
 * assignments; the hourly traffic curve per station from ai-service {@code /ai/forecast-traffic}; the moves
 * from ai-service {@code /ai/predict-diversion}. When ai-service is down both fall back to heuristics here
 * (flat baseline demand, load/staff ratio) and the answer says {@code source: fallback}.
 */
@ApplicationScoped
public class DiversionSuggester {

    public record StationLoadView(String stationId, String city, int staffOnDuty, int divertable,
            double expectedSwapsPerHour, Double loadPerStaff, Integer queueLength, Integer chargedAvailable,
            Integer capacity, String forecastSource) {
    }

    public record Suggestion(String fromStationId, String toStationId, List<String> staffIds, int staffCount,
            Priority priority, int durationMinutes, String reason, String expectedEffect) {
    }

    public record Suggestions(Instant generatedAt, int timeWindowHours, double loadPerStaffThreshold, String source,
            String modelVersion, String forecastSource, String stationSource, List<String> inputs,
            List<StationLoadView> stations, List<Suggestion> suggestions, List<String> notes) {
    }

    private final StationDirectory directory;
    private final OnDutyService onDuty;
    private final AiClient ai;
    private final StaffConfig config;
    private final Clock clock;

    DiversionSuggester(StationDirectory directory, OnDutyService onDuty, AiClient ai, StaffConfig config,
            Clock clock) {
        this.directory = directory;
        this.onDuty = onDuty;
        this.ai = ai;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Suggestions> suggest(Integer requestedWindow, Caller caller) {
        int window = requestedWindow == null ? config.diversion().defaultWindowHours() : requestedWindow;
        Instant now = Times.now(clock);
        return Uni.combine().all().unis(directory.fresh(caller.authorization()), onDuty.everywhere(now)).asTuple()
                .chain(t -> forecast(t.getItem1(), window, caller)
                        .chain(forecasts -> decide(t.getItem1(), t.getItem2(), forecasts, window, now, caller)));
    }

    private Uni<Map<String, TrafficAnswer>> forecast(Directory stations, int window, Caller caller) {
        List<StationSummary> active = stations.stations().stream().filter(s -> !Boolean.FALSE.equals(s.active())).toList();
        return Multi.createFrom().iterable(active)
                .onItem().transformToUni(s -> ai.forecastTraffic(caller.authorization(),
                        new TrafficRequest(s.stationId(), s.city(), s.capacity(), baseline(s), window), baseline(s))
                        .map(answer -> Map.entry(s.stationId(), answer)))
                .merge(Math.max(1, config.diversion().forecastConcurrency()))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Fallback demand: the SPEC baseline scaled by station size, never below the riders already queued. */
    double baseline(StationSummary s) {
        double size = s.capacity() == null ? 1.0 : s.capacity() / 24.0;
        double demand = config.diversion().baselineSwapsPerHour() * size;
        return Math.max(demand, s.queueLength() == null ? 0 : s.queueLength());
    }

    private Uni<Suggestions> decide(Directory stations, Map<String, List<Duty>> duties,
            Map<String, TrafficAnswer> forecasts, int window, Instant now, Caller caller) {
        double threshold = config.diversion().loadPerStaffThreshold();
        List<StationLoad> loads = new ArrayList<>();
        List<StationLoadView> views = new ArrayList<>();
        Map<String, List<String>> divertable = new HashMap<>();
        Map<String, StationLoad> loadById = new LinkedHashMap<>();
        java.util.Set<String> forecastSources = new java.util.TreeSet<>();
        for (StationSummary s : stations.stations()) {
            if (Boolean.FALSE.equals(s.active())) {
                continue;
            }
            TrafficAnswer forecast = forecasts.get(s.stationId());
            double expected = forecast == null ? baseline(s) : forecast.peak();
            String forecastSource = forecast == null ? AiModels.LOCAL_FALLBACK : forecast.source();
            forecastSources.add(forecastSource);
            List<Duty> here = duties.getOrDefault(s.stationId(), List.of());
            List<String> free = here.stream().filter(d -> d.assignment().kind == AssignmentKind.REGULAR)
                    .map(Duty::staffId).sorted().toList();
            divertable.put(s.stationId(), free);
            StationLoad load = new StationLoad(s.stationId(), s.city(), s.latitude(), s.longitude(), here.size(),
                    expected, s.queueLength(), s.chargedAvailable(), s.capacity());
            loads.add(load);
            loadById.put(s.stationId(), load);
            views.add(new StationLoadView(s.stationId(), s.city(), here.size(), free.size(), round(expected).doubleValue(),
                    round(DiversionHeuristic.ratio(expected, here.size())), s.queueLength(), s.chargedAvailable(),
                    s.capacity(), forecastSource));
        }
        // One source when every station's forecast had the same; else "mixed" (each station says its own).
        String forecastSource = forecastSources.isEmpty() ? AiModels.LOCAL_FALLBACK
                : forecastSources.size() == 1 ? forecastSources.iterator().next() : "mixed";
        DiversionRequest request = new DiversionRequest(loads, threshold, window);
        return ai.predictDiversion(caller.authorization(), request).map(answer -> {
            List<String> notes = new ArrayList<>();
            List<Suggestion> suggestions = toSuggestions(answer, loadById, divertable, window, threshold, notes);
            List<String> inputs = List.of(
                    "stations, capacity, charged_available, queue_length: station-service GET /station/list ("
                            + stations.origin().name().toLowerCase(Locale.ROOT) + ", " + stations.fetchedAt() + ")",
                    "staff_on_duty: staff-service assignments in force at " + now
                            + " (diversions counted at their target)",
                    "expected_swaps_per_hour: peak of ai-service /ai/forecast-traffic over the window (historical "
                            + "average sent = the baseline below); fallback = max(baseline " + config.diversion().baselineSwapsPerHour()
                            + " swaps/h × capacity/24, queue_length)",
                    "moves: ai-service /ai/predict-diversion; fallback = load/staff ratio above "
                            + threshold + " swaps/h per person, nearest same-city donor");
            stations.stations().stream().filter(s -> s.queueLength() == null).findAny().ifPresent(s -> notes.add(
                    "station-service did not report queue_length for some stations; their demand ignores the live queue"));
            return new Suggestions(now, window, threshold, answer.source(), answer.modelVersion(), forecastSource,
                    stations.origin().name().toLowerCase(Locale.ROOT), inputs, views, suggestions, notes);
        });
    }

    private List<Suggestion> toSuggestions(DiversionAnswer answer, Map<String, StationLoad> loads,
            Map<String, List<String>> divertable, int window, double threshold, List<String> notes) {
        List<Suggestion> out = new ArrayList<>();
        Map<String, Integer> staffNow = new HashMap<>();
        loads.values().forEach(l -> staffNow.put(l.stationId(), l.staffOnDuty()));
        Map<String, List<String>> remaining = new HashMap<>();
        divertable.forEach((k, v) -> remaining.put(k, new ArrayList<>(v)));
        int minStaff = Math.max(1, config.diversion().minStaffPerStation());
        for (DiversionMove move : answer.moves() == null ? List.<DiversionMove>of() : answer.moves()) {
            StationLoad from = loads.get(move.fromStationId());
            StationLoad to = loads.get(move.toStationId());
            if (from == null || to == null || from == to || move.staffCount() < 1) {
                notes.add("Ignored a suggested move " + move.fromStationId() + " → " + move.toStationId()
                        + ": unknown station or no staff");
                continue;
            }
            List<String> pool = remaining.getOrDefault(from.stationId(), new ArrayList<>());
            int canGive = Math.min(pool.size(), staffNow.get(from.stationId()) - minStaff);
            int count = Math.min(move.staffCount(), canGive);
            if (count < 1) {
                notes.add("Ignored a suggested move " + from.stationId() + " → " + to.stationId()
                        + ": nobody there can be spared");
                continue;
            }
            if (count < move.staffCount()) {
                notes.add("Reduced a suggested move " + from.stationId() + " → " + to.stationId() + " from "
                        + move.staffCount() + " to " + count + " person(s) available");
            }
            List<String> people = new ArrayList<>(pool.subList(0, count));
            pool.removeAll(people);
            int fromBefore = staffNow.get(from.stationId());
            int toBefore = staffNow.get(to.stationId());
            staffNow.put(from.stationId(), fromBefore - count);
            staffNow.put(to.stationId(), toBefore + count);
            double ratio = DiversionHeuristic.ratio(to.expectedSwapsPerHour(), toBefore);
            String reason = move.reason() != null ? move.reason() : DiversionHeuristic.reason(from, to, threshold);
            String effect = move.expectedEffect() != null ? move.expectedEffect()
                    : DiversionHeuristic.effect(withStaff(from, fromBefore), withStaff(to, toBefore),
                            fromBefore - count, toBefore + count);
            out.add(new Suggestion(from.stationId(), to.stationId(), people, count, priority(ratio, threshold),
                    Math.max(15, Math.min(720, window * 60)), reason, effect));
        }
        return out;
    }

    private static StationLoad withStaff(StationLoad load, int staff) {
        return new StationLoad(load.stationId(), load.city(), load.latitude(), load.longitude(), staff,
                load.expectedSwapsPerHour(), load.queueLength(), load.chargedAvailable(), load.capacity());
    }

    static Priority priority(double ratio, double threshold) {
        if (ratio >= 2 * threshold) {
            return Priority.CRITICAL;
        }
        if (ratio >= 1.5 * threshold) {
            return Priority.HIGH;
        }
        if (ratio > threshold) {
            return Priority.MEDIUM;
        }
        return Priority.LOW;
    }

    /** Rounded for display; null for "nobody on duty" (an infinite load has no JSON number). */
    private static Double round(double value) {
        return Double.isInfinite(value) || Double.isNaN(value) ? null : Math.round(value * 100.0) / 100.0;
    }
}
