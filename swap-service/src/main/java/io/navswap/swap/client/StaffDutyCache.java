package io.navswap.swap.client;

import io.navswap.swap.config.SwapConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The last answer staff-service gave for a (station, staff) pair, kept in Redis for
 * {@code navswap.swap.staff-check-cache-ttl} (12 h). Only read when staff-service cannot be reached; losing it
 * costs nothing but availability during an outage.
 */
@ApplicationScoped
public class StaffDutyCache {
    private static final Logger LOG = Logger.getLogger(StaffDutyCache.class);
    private static final String PREFIX = "swap-service:staff-on-duty:";

    private final ReactiveValueCommands<String, String> values;
    private final long ttlSeconds;

    StaffDutyCache(ReactiveRedisDataSource redis, SwapConfig config) {
        this.values = redis.value(String.class, String.class);
        this.ttlSeconds = Math.max(1, config.staffCheckCacheTtl().toSeconds());
    }

    /** Stores an answer; a Redis failure is logged and ignored (the answer itself is still good). */
    public Uni<Void> remember(String stationId, String staffId, boolean onDuty) {
        return values.setex(key(stationId, staffId), ttlSeconds, Boolean.toString(onDuty))
                .onFailure().invoke(e -> LOG.warnf("Could not cache the on-duty answer for %s at %s: %s",
                        staffId, stationId, e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** The cached answer, if one younger than the TTL exists. */
    public Uni<Optional<Boolean>> lastKnown(String stationId, String staffId) {
        return values.get(key(stationId, staffId)).map(v -> Optional.ofNullable(v).map(Boolean::parseBoolean));
    }

    static String key(String stationId, String staffId) {
        return PREFIX + stationId + ":" + staffId;
    }
}
