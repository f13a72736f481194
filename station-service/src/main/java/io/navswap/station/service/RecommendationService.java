package io.navswap.station.service;

import io.navswap.station.client.AiPredictions.Arrival;
import io.navswap.station.config.StationConfig;
import io.navswap.station.rest.Recommendation;
import io.navswap.station.rest.RecommendRequest;
import io.navswap.station.rest.RecommendResponse;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code POST /recommend} and {@code /recommend/optimal}: stations in range holding a charged battery that meets
 * the requested SOH, ranked by {@link StationScorer}. Every candidate is scored with the heuristic wait first;
 * the best {@code ai-candidates} of them are then re-scored with ai-service's arrival estimate where it answers
 * within the budget, so a recommendation never waits long on ai-service and never calls it for every station.
 */
@ApplicationScoped
public class RecommendationService {
    private record Candidate(IndexedStation station, double distanceKm, int queueLength, StationScorer.Scored scored) {
    }

    private final StationIndex index;
    private final QueueLengths queues;
    private final StationScorer scorer;
    private final ArrivalEstimates arrivals;
    private final StationConfig config;

    RecommendationService(StationIndex index, QueueLengths queues, StationScorer scorer, ArrivalEstimates arrivals,
            StationConfig config) {
        this.index = index;
        this.queues = queues;
        this.scorer = scorer;
        this.arrivals = arrivals;
        this.config = config;
    }

    public Uni<RecommendResponse> recommend(RecommendRequest request, int top, String authorization, String requestId) {
        double maxKm = request.maxDistanceKm() != null ? request.maxDistanceKm() : config.recommend().defaultMaxDistanceKm();
        double sohMin = request.batterySohMin() != null ? request.batterySohMin() : 0.0;
        List<Candidate> candidates = new ArrayList<>();
        index.within(request.latitude(), request.longitude(), maxKm, s -> s.chargedAtLeast(sohMin) > 0, 0)
                .forEach(hit -> {
                    int queue = queues.of(hit.entry().id());
                    candidates.add(new Candidate(hit.entry(), hit.distanceKm(), queue,
                            scorer.score(hit.distanceKm(), maxKm, queue)));
                });
        candidates.sort(BEST_FIRST);
        int refine = Math.min(candidates.size(), Math.max(top, config.recommend().aiCandidates()));
        List<Uni<Candidate>> refined = new ArrayList<>();
        for (Candidate candidate : candidates.subList(0, refine)) {
            refined.add(arrivals.estimate(candidate.station(), candidate.queueLength(), authorization, requestId)
                    .map(arrival -> withArrival(candidate, arrival, maxKm)));
        }
        Uni<List<Candidate>> best = refined.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(refined).andFailFast();
        return best.map(list -> {
            List<Candidate> ranked = new ArrayList<>(list);
            ranked.addAll(candidates.subList(refine, candidates.size()));
            ranked.sort(BEST_FIRST);
            List<Recommendation> recommendations = new ArrayList<>();
            for (int i = 0; i < Math.min(top, ranked.size()); i++) {
                Candidate c = ranked.get(i);
                IndexedStation s = c.station();
                recommendations.add(new Recommendation(i + 1, s.id(), s.name(), s.city(), s.latitude(), s.longitude(),
                        s.address(), c.scored().score(), s.chargedAtLeast(sohMin), s.bestChargedSoh(),
                        c.scored().breakdown()));
            }
            return new RecommendResponse(recommendations, scorer.weights(), candidates.size(), maxKm,
                    request.batterySohMin(), Instant.now());
        });
    }

    private Candidate withArrival(Candidate candidate, Optional<Arrival> arrival, double maxKm) {
        if (arrival.isEmpty()) {
            return candidate;
        }
        // The arrival model's minutes to the next customer are the pace per rider ahead, within the configured bounds.
        double minutes = Math.max(config.recommend().minMinutesPerSwap(),
                Math.min(config.recommend().maxMinutesPerSwap(), arrival.get().minutes()));
        String source = "ai-" + arrival.get().source();
        return new Candidate(candidate.station(), candidate.distanceKm(), candidate.queueLength(),
                scorer.score(candidate.distanceKm(), maxKm, candidate.queueLength(), minutes, source));
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingDouble((Candidate c) -> -c.scored().score())
            .thenComparingDouble(Candidate::distanceKm)
            .thenComparing(c -> c.station().id());
}
