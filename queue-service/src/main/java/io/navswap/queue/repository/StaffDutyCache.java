package io.navswap.queue.repository;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The last answer of staff-service per (station, staff) pair, kept for a bounded time (12 h by default)
 * so that a QR scan still works while staff-service is briefly unreachable (HELPERS cross-service rule).
 */
@ApplicationScoped
public class StaffDutyCache {
    private static final String PREFIX = "navswap:queue:staff-duty:";

    private final ReactiveValueCommands<String, String> values;

    StaffDutyCache(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    /** The cached answer, or {@code null} when there is none. */
    public Uni<Boolean> lastAnswer(String stationId, String staffId) {
        return values.get(key(stationId, staffId)).map(value -> value == null ? null : Boolean.valueOf(value));
    }

    public Uni<Void> remember(String stationId, String staffId, boolean onDuty, Duration ttl) {
        return values.setex(key(stationId, staffId), Math.max(1, ttl.toSeconds()), Boolean.toString(onDuty));
    }

    private static String key(String stationId, String staffId) {
        return PREFIX + stationId + ":" + staffId;
    }
}
