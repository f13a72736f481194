package io.navswap.queue.repository;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Each rider's last GPS fix in Redis (JSON), expiring after a few minutes of silence. */
@ApplicationScoped
public class LastPositionStore {
    private static final String PREFIX = "navswap:location:last:";

    private final ReactiveValueCommands<String, String> values;

    LastPositionStore(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    public Uni<Void> remember(String userId, String json, Duration ttl) {
        return values.setex(PREFIX + userId, Math.max(1, ttl.toSeconds()), json);
    }

    public Uni<String> last(String userId) {
        return values.get(PREFIX + userId);
    }
}
