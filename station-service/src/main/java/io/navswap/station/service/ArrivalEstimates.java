package io.navswap.station.service;

import io.navswap.station.client.AiClient.ArrivalRequest;
import io.navswap.station.client.AiPredictions;
import io.navswap.station.client.AiPredictions.Arrival;
import io.navswap.station.config.StationConfig;
import io.navswap.station.repository.RecentSwapsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ai-service arrival estimates for recommendations, kept per station and hour of day for
 * {@code navswap.station.recommend.arrival-cache-ttl}. Concurrent requests for the same station share one call;
 * a caller waits at most {@code ai-budget} for it and otherwise goes on with the heuristic, while the call itself
 * runs to its own timeout and fills the cache for the next request. A "not known" answer is kept only briefly.
 */
@ApplicationScoped
public class ArrivalEstimates {
    private static final Duration NOT_KNOWN_TTL = Duration.ofSeconds(30);
    /** Above this many entries, expired ones are dropped before adding more. */
    private static final int PRUNE_ABOVE = 20_000;

    private record Entry(Uni<Optional<Arrival>> result, Instant expires) {
    }

    private final AiPredictions ai;
    private final RecentSwapsRepository recentSwaps;
    private final StationConfig config;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    ArrivalEstimates(AiPredictions ai, RecentSwapsRepository recentSwaps, StationConfig config) {
        this.ai = ai;
        this.recentSwaps = recentSwaps;
        this.config = config;
    }

    public Uni<Optional<Arrival>> estimate(IndexedStation station, int queueLength, String authorization,
            String requestId) {
        ZonedDateTime now = ZonedDateTime.now(config.zone());
        String key = station.id() + "@" + now.getHour();
        Instant instant = now.toInstant();
        if (entries.size() > PRUNE_ABOVE) {
            entries.values().removeIf(e -> !e.expires().isAfter(instant));
        }
        Entry entry = entries.compute(key, (k, current) -> {
            if (current != null && current.expires().isAfter(instant)) {
                return current;
            }
            Uni<Optional<Arrival>> call = recentArrivals(station.id(), instant)
                    .chain(recent -> ai.predictArrival(request(station, queueLength, recent, now), authorization,
                            requestId))
                    .onFailure().recoverWithItem(Optional.empty())
                    .memoize().indefinitely();
            return new Entry(call, instant.plus(config.recommend().arrivalCacheTtl()));
        });
        // Start (or join) the call; if it says "not known", shorten how long that answer is kept.
        entry.result().subscribe().with(result -> {
            if (result.isEmpty()) {
                entries.computeIfPresent(key, (k, e) -> e == entry ? new Entry(e.result(), instant.plus(NOT_KNOWN_TTL)) : e);
            }
        });
        return entry.result()
                .ifNoItem().after(config.recommend().aiBudget()).recoverWithItem(Optional.empty());
    }

    /** Swaps completed at the station in the last hour; unknown (null: ai-service then answers its fallback) on failure. */
    private Uni<Double> recentArrivals(String stationId, Instant now) {
        return recentSwaps.completedSince(stationId, now.minus(Duration.ofHours(1)))
                .map(Integer::doubleValue)
                .onFailure().recoverWithNull();
    }

    /** ai-service's arrival request: the current hour at the station, arrivals = last hour's swaps there. */
    private static ArrivalRequest request(IndexedStation station, int queueLength, Double recentArrivals,
            ZonedDateTime now) {
        return new ArrivalRequest(station.id(), station.city(), now.getHour(), now.getDayOfWeek().getValue(),
                recentArrivals, queueLength);
    }

    /** Forgets every estimate (tests, or after ai-service deployed new models). */
    public void clear() {
        entries.clear();
    }
}
