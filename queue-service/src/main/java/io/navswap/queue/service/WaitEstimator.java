package io.navswap.queue.service;

import io.navswap.queue.client.ArrivalApi;
import io.navswap.queue.client.ArrivalClient;
import io.navswap.queue.config.QueueConfig;
import io.navswap.queue.repository.SwapPaceCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jboss.logging.Logger;

/**
 * Waits are {@code position × minutes per swap}. Minutes per swap come from the arrival model when it
 * answers (cached per station), otherwise from configuration (5 min, SPEC).
 */
@ApplicationScoped
public class WaitEstimator {
    private static final Logger LOG = Logger.getLogger(WaitEstimator.class);
    /** A model answer outside this range is treated as noise. */
    static final double MIN_MINUTES = 1;
    static final double MAX_MINUTES = 60;
    /** Stations are in India; the model's hour-of-day feature is local time. */
    private static final ZoneId STATION_ZONE = ZoneId.of("Asia/Kolkata");

    private final ArrivalClient arrival;
    private final SwapPaceCache cache;
    private final QueueConfig config;

    WaitEstimator(ArrivalClient arrival, SwapPaceCache cache, QueueConfig config) {
        this.arrival = arrival;
        this.cache = cache;
        this.config = config;
    }

    /** For confirm: the cached model answer, else the model (bounded by its 300 ms timeout), else the default. */
    public Uni<Double> minutesPerSwap(String stationId, int queueLength, Caller caller) {
        return cached(stationId).chain(cached -> {
            if (cached != null) {
                return Uni.createFrom().item(cached);
            }
            ZonedDateTime local = ZonedDateTime.now(STATION_ZONE);
            ArrivalApi.ArrivalQuery query = new ArrivalApi.ArrivalQuery(stationId, queueLength, local.getHour(),
                    local.getDayOfWeek().getValue());
            return arrival.minutesToNextCustomer(query, caller.authorization(), caller.requestId())
                    .chain(prediction -> {
                        if (prediction.isEmpty()) {
                            return Uni.createFrom().item(defaultMinutes());
                        }
                        double minutes = Math.max(MIN_MINUTES, Math.min(MAX_MINUTES, prediction.get()));
                        return cache.remember(stationId, minutes, config.cache().arrivalPrediction())
                                .onFailure().recoverWithNull()
                                .replaceWith(minutes);
                    });
        });
    }

    /** For reads: the cached model answer or the default; never calls out. */
    public Uni<Double> cachedMinutesPerSwap(String stationId) {
        return cached(stationId).map(cached -> cached != null ? cached : defaultMinutes());
    }

    public static int waitMinutes(int position, double minutesPerSwap) {
        return (int) Math.ceil(position * minutesPerSwap - 1e-9);
    }

    private Uni<Double> cached(String stationId) {
        return cache.minutesPerSwap(stationId).onFailure().recoverWithItem(failure -> {
            LOG.debugf(failure, "Swap pace cache unavailable for %s", stationId);
            return null;
        });
    }

    private double defaultMinutes() {
        return config.minutesPerSwap();
    }
}
