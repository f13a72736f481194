package io.navswap.queue.repository;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Minutes per swap at a station as last predicted by ai-service's arrival model, with who answered
 * ({@code minutes|source}), per station (SPEC: AI answers cached 10 min).
 */
@ApplicationScoped
public class SwapPaceCache {
    private static final String PREFIX = "navswap:queue:swap-minutes:";

    /** A remembered pace and its source ({@code ai-onnx} or {@code ai-fallback}). */
    public record Pace(double minutesPerSwap, String source) {
    }

    private final ReactiveValueCommands<String, String> values;

    SwapPaceCache(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    /** The remembered pace, or null (also for a value in another format, which then counts as a miss). */
    public Uni<Pace> pace(String stationId) {
        return values.get(PREFIX + stationId).map(SwapPaceCache::parse);
    }

    public Uni<Void> remember(String stationId, Pace pace, Duration ttl) {
        return values.setex(PREFIX + stationId, Math.max(1, ttl.toSeconds()),
                pace.minutesPerSwap() + "|" + pace.source());
    }

    static Pace parse(String value) {
        if (value == null) {
            return null;
        }
        int bar = value.indexOf('|');
        if (bar <= 0 || bar == value.length() - 1) {
            return null;
        }
        try {
            return new Pace(Double.parseDouble(value.substring(0, bar)), value.substring(bar + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
