package io.navswap.queue.repository;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Minutes per swap at a station as last predicted by the arrival model (SPEC: AI answers cached 10 min). */
@ApplicationScoped
public class SwapPaceCache {
    private static final String PREFIX = "navswap:queue:swap-minutes:";

    private final ReactiveValueCommands<String, String> values;

    SwapPaceCache(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    public Uni<Double> minutesPerSwap(String stationId) {
        return values.get(PREFIX + stationId).map(value -> value == null ? null : Double.valueOf(value));
    }

    public Uni<Void> remember(String stationId, double minutesPerSwap, Duration ttl) {
        return values.setex(PREFIX + stationId, Math.max(1, ttl.toSeconds()), Double.toString(minutesPerSwap));
    }
}
