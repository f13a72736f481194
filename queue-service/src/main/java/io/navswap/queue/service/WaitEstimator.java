package io.navswap.queue.service;

import io.navswap.queue.client.ArrivalApi;
import io.navswap.queue.client.ArrivalClient;
import io.navswap.queue.client.StationView;
import io.navswap.queue.config.QueueConfig;
import io.navswap.queue.repository.ArrivalFeaturesRepository;
import io.navswap.queue.repository.SwapPaceCache;
import io.navswap.queue.repository.SwapPaceCache.Pace;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jboss.logging.Logger;

/**
 * Waits are {@code position × minutes per swap} (SPEC: position × 5 min unless the models say better). Minutes per
 * swap are ai-service's arrival answer (minutes to the next customer) when it answers, clamped to
 * [{@code min-minutes-per-swap}, {@code max-minutes-per-swap}] (1–15 min, as station-service's recommendations) and
 * cached per station, otherwise {@code minutes-per-swap} (5). Every pace says where it came from:
 * {@value #AI_ONNX} (the model), {@value #AI_FALLBACK} (ai-service answered with its own heuristic) or
 * {@value #QUEUE_HEURISTIC} (ai-service unreachable: the configured minutes per swap, computed here).
 */
@ApplicationScoped
public class WaitEstimator {
    private static final Logger LOG = Logger.getLogger(WaitEstimator.class);
    public static final String AI_ONNX = "ai-onnx";
    public static final String AI_FALLBACK = "ai-fallback";
    public static final String QUEUE_HEURISTIC = "queue-heuristic";
    /** Stations are in India; the model's hour-of-day feature is local time. */
    private static final ZoneId STATION_ZONE = ZoneId.of("Asia/Kolkata");

    private final ArrivalClient arrival;
    private final ArrivalFeaturesRepository features;
    private final SwapPaceCache cache;
    private final QueueConfig config;

    WaitEstimator(ArrivalClient arrival, ArrivalFeaturesRepository features, SwapPaceCache cache, QueueConfig config) {
        this.arrival = arrival;
        this.features = features;
        this.cache = cache;
        this.config = config;
    }

    /**
     * For confirm, first: the model's cached answer for the station, or {@code null} (then {@link #predictPace}).
     * Asked beside confirm's other reads, before the queue length that only a prediction needs.
     */
    public Uni<Pace> cachedPace(String stationId) {
        return cache.pace(stationId).onFailure().recoverWithItem(failure -> {
            LOG.debugf(failure, "Swap pace cache unavailable for %s", stationId);
            return null;
        });
    }

    /** For confirm, when nothing is cached: the model (bounded by its 300 ms timeout), else the default. */
    public Uni<Pace> predictPace(StationView station, int queueLength, Caller caller) {
        String stationId = station.stationId();
        ZonedDateTime local = ZonedDateTime.now(STATION_ZONE);
        return features.of(stationId, local.toInstant().minus(Duration.ofHours(1)))
                .onFailure().recoverWithNull()
                .chain(known -> arrival.minutesToNextCustomer(new ArrivalApi.ArrivalRequest(stationId,
                                station.city(), local.getHour(), local.getDayOfWeek().getValue(),
                                known == null ? null : (double) known.recentArrivals(),
                                known == null ? null : known.approaching(), queueLength),
                        caller.authorization(), caller.requestId()))
                .chain(prediction -> {
                    if (prediction.isEmpty()) {
                        return Uni.createFrom().item(new Pace(defaultMinutes(), QUEUE_HEURISTIC));
                    }
                    double minutes = Math.max(config.minMinutesPerSwap(),
                            Math.min(config.maxMinutesPerSwap(), prediction.get().minutes()));
                    Pace pace = new Pace(minutes, "onnx".equals(prediction.get().source()) ? AI_ONNX : AI_FALLBACK);
                    return cache.remember(stationId, pace, config.cache().arrivalPrediction())
                            .onFailure().recoverWithNull()
                            .replaceWith(pace);
                });
    }

    /** For reads: the cached model answer or the default; never calls out. */
    public Uni<Double> cachedMinutesPerSwap(String stationId) {
        return cachedPace(stationId).map(cached -> cached != null ? cached.minutesPerSwap() : defaultMinutes());
    }

    public static int waitMinutes(int position, double minutesPerSwap) {
        return (int) Math.ceil(position * minutesPerSwap - 1e-9);
    }

    private double defaultMinutes() {
        return config.minutesPerSwap();
    }
}
