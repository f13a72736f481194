package io.navswap.gateway.service;

import io.navswap.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Counts failed logins per email in Redis (shared by every gateway replica). After
 * {@code max-failures} failures inside {@code window}, every login for that email is refused, with the
 * right password too, until the window that began with the first failure has passed.
 *
 * <p>Keys hold a SHA-256 of the email, not the email, so Redis contains no personal data. If Redis is
 * unreachable the throttle is skipped with a warning: logins keep working, bcrypt's cost and the
 * per-client rate limit still slow guessing down.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    private static final String KEY_PREFIX = "navswap:gateway:login-failures:";

    /** KEYS[1] counter, ARGV[1] window (ms). The window starts at the first failure and is never extended. */
    private static final RedisScripts RECORD_FAILURE = new RedisScripts("""
            local failures = redis.call('INCR', KEYS[1])
            if failures == 1 or redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return failures
            """);

    /** KEYS[1] counter, ARGV[1] max failures. Answers the milliseconds left if blocked, else -1. */
    private static final RedisScripts BLOCKED_FOR = new RedisScripts("""
            local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
            if failures < tonumber(ARGV[1]) then
              return -1
            end
            local left = redis.call('PTTL', KEYS[1])
            if left < 0 then
              return 0
            end
            return left
            """);

    private final RedisAPI redis;
    private final GatewayConfig.LoginThrottle config;
    private final Duration redisTimeout;
    private final RedisOutage outage = new RedisOutage(LOG, "login throttling");

    LoginThrottle(RedisAPI redis, GatewayConfig config) {
        this.redis = redis;
        this.config = config.loginThrottle();
        this.redisTimeout = config.rateLimit().redisTimeout();
    }

    /** How long logins for this email stay refused, or empty if a login may be tried now. */
    public Uni<Optional<Duration>> blockedFor(String normalizedEmail) {
        if (!config.enabled()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return guarded(BLOCKED_FOR.run(redis, List.of(key(normalizedEmail)), List.of(String.valueOf(config.maxFailures())))
                .map(LoginThrottle::toLong)
                .map(left -> left < 0 ? Optional.<Duration>empty()
                        : Optional.of(Duration.ofMillis(left == 0 ? config.window().toMillis() : left))),
                Optional.empty());
    }

    public Uni<Void> recordFailure(String normalizedEmail) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return guarded(RECORD_FAILURE.run(redis, List.of(key(normalizedEmail)),
                List.of(String.valueOf(config.window().toMillis()))).replaceWithVoid(), null);
    }

    /** A successful login forgets earlier failures. */
    public Uni<Void> reset(String normalizedEmail) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return guarded(redis.del(List.of(key(normalizedEmail))).replaceWithVoid(), null);
    }

    private <T> Uni<T> guarded(Uni<T> call, T whenUnavailable) {
        return call.ifNoItem().after(redisTimeout).fail()
                .onFailure().recoverWithItem(e -> {
                    outage.failedOpen(e);
                    return whenUnavailable;
                });
    }

    private static long toLong(Response response) {
        return response == null ? -1 : response.toLong();
    }

    private static String key(String normalizedEmail) {
        return KEY_PREFIX + RedisScripts.sha256(normalizedEmail);
    }
}
