package io.navswap.gateway.service;

import io.navswap.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Per-caller token bucket kept in Redis, so that the limit holds across gateway replicas. The whole
 * read-refill-take-write step is one Lua script: Redis runs it atomically, so two replicas can never
 * both spend the last token. Time is Redis' own clock ({@code TIME}), not the replicas' clocks.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String KEY_PREFIX = "navswap:gateway:rate:";

    /**
     * KEYS[1] bucket hash {tokens, ts}; ARGV[1] rate (tokens per second), ARGV[2] burst (capacity).
     * Answers {allowed 0|1, whole tokens left, milliseconds until one token is available}.
     */
    static final RedisScripts TOKEN_BUCKET = new RedisScripts("""
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(state[1])
            local last = tonumber(state[2])
            if tokens == nil or last == nil then
              tokens = burst
              last = now
            end
            if now > last then
              tokens = math.min(burst, tokens + (now - last) * rate / 1000)
              last = now
            end
            local allowed = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait = math.ceil((1 - tokens) * 1000 / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(last))
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
            return {allowed, math.floor(tokens), wait}
            """);

    private final RedisAPI redis;
    private final GatewayConfig.RateLimit config;
    private final RedisOutage outage = new RedisOutage(LOG, "the per-caller rate limit");

    RateLimiter(RedisAPI redis, GatewayConfig config) {
        this.redis = redis;
        this.config = config.rateLimit();
    }

    /** Whose bucket a request spends: a verified user (token {@code sub}) or, without one, a client IP. */
    public record Caller(String kind, String id) {
        public static Caller user(String subject) {
            return new Caller("user", subject);
        }

        public static Caller client(String ip) {
            return new Caller("ip", ip);
        }

        boolean anonymous() {
            return "ip".equals(kind);
        }
    }

    /**
     * @param allowed           false: answer 429
     * @param limit             the bucket's capacity (burst)
     * @param remaining         whole tokens left after this request
     * @param retryAfterSeconds when refused, seconds until the next token (at least 1)
     * @param enforced          false if the limit was skipped (disabled, or Redis unavailable)
     */
    public record Decision(boolean allowed, int limit, long remaining, long retryAfterSeconds, boolean enforced) {
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Uni<Decision> take(Caller caller) {
        double rate = caller.anonymous() ? config.anonymousRate() : config.rate();
        int burst = caller.anonymous() ? config.anonymousBurst() : config.burst();
        Decision unlimited = new Decision(true, burst, burst, 0, false);
        if (!config.enabled()) {
            return Uni.createFrom().item(unlimited);
        }
        String key = KEY_PREFIX + caller.kind() + ":" + caller.id();
        return TOKEN_BUCKET.run(redis, List.of(key), List.of(String.format(Locale.ROOT, "%.6f", rate), String.valueOf(burst)))
                .map(reply -> decision(reply, burst))
                .ifNoItem().after(config.redisTimeout()).fail()
                .onFailure().recoverWithItem(e -> {
                    outage.failedOpen(e);
                    return unlimited;
                });
    }

    private static Decision decision(Response reply, int burst) {
        boolean allowed = reply.get(0).toLong() == 1;
        long remaining = Math.max(0, reply.get(1).toLong());
        long waitMillis = reply.get(2).toLong();
        long retryAfter = allowed ? 0 : Math.max(1, (waitMillis + 999) / 1000);
        return new Decision(allowed, burst, remaining, retryAfter, true);
    }
}
