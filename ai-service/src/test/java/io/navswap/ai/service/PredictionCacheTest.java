package io.navswap.ai.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.navswap.ai.config.AiConfig;
import io.navswap.ai.model.ModelCatalog;
import io.navswap.ai.model.ModelSpec;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Redis is only a cache: when it fails or hangs, the prediction is computed and answered anyway. (The
 * shared test Redis cannot be stopped under the running application, so these drive the cache directly with
 * a Redis that fails or never answers.)
 */
class PredictionCacheTest {

    record Sample(String value, boolean cached) {
    }

    @Test
    void failingRedisStillAnswersThePrediction() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PredictionCache cache = cache(() -> Uni.createFrom().failure(new ConnectException("Connection refused")), meters);
        AtomicInteger computed = new AtomicInteger();

        Sample answer = cache.cached(ModelCatalog.LOAD, new Sample("request", false), Sample.class, () -> {
            computed.incrementAndGet();
            return new Sample("prediction", false);
        }).await().atMost(Duration.ofSeconds(5));

        assertEquals("prediction", answer.value());
        assertFalse(answer.cached());
        assertEquals(1, computed.get());
        assertEquals(1.0, meters.counter("navswap.ai.cache", "model", "load", "result", "error").count());
    }

    @Test
    void hangingRedisCountsAsAMissAfterTheTimeout() {
        PredictionCache cache = cache(() -> Uni.createFrom().nothing(), new SimpleMeterRegistry());

        Sample answer = cache.cached(ModelCatalog.FAULT, new Sample("request", false), Sample.class,
                () -> new Sample("prediction", false)).await().atMost(Duration.ofSeconds(5));

        assertEquals("prediction", answer.value());
    }

    @Test
    void keyIsTheSameForEqualRequestsWhateverTheirFieldOrder() {
        PredictionCache cache = cache(() -> Uni.createFrom().nothing(), new SimpleMeterRegistry());
        ModelSpec spec = ModelCatalog.LOAD;
        assertEquals(cache.key(spec, java.util.Map.of("a", 1, "b", 2)),
                cache.key(spec, new java.util.TreeMap<>(java.util.Map.of("b", 2, "a", 1))));
        assertEquals("t:load:test-model:", cache.key(spec, new Sample("x", false)).substring(0, 18));
    }

    private static PredictionCache cache(Supplier<Uni<Object>> redisAnswer, SimpleMeterRegistry meters) {
        ReactiveValueCommands<?, ?> values = (ReactiveValueCommands<?, ?>) Proxy.newProxyInstance(
                PredictionCacheTest.class.getClassLoader(), new Class<?>[] { ReactiveValueCommands.class },
                (proxy, method, args) -> method.getReturnType() == Uni.class ? redisAnswer.get() : null);
        ReactiveRedisDataSource redis = (ReactiveRedisDataSource) Proxy.newProxyInstance(
                PredictionCacheTest.class.getClassLoader(), new Class<?>[] { ReactiveRedisDataSource.class },
                (proxy, method, args) -> "value".equals(method.getName()) ? values : null);
        AiConfig config = config();
        ModelRegistry models = new ModelRegistry(config) {
            @Override
            public String identity(ModelSpec spec) {
                return "test-model";
            }
        };
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        return new PredictionCache(config, redis, models, mapper, meters);
    }

    private static AiConfig config() {
        AiConfig.Cache cache = new AiConfig.Cache() {
            public boolean enabled() {
                return true;
            }

            public Duration ttl() {
                return Duration.ofMinutes(10);
            }

            public Duration timeout() {
                return Duration.ofMillis(100);
            }

            public String keyPrefix() {
                return "t:";
            }
        };
        return new AiConfig() {
            public Optional<String> modelsDir() {
                return Optional.empty();
            }

            public Optional<java.util.Set<String>> disabledModels() {
                return Optional.empty();
            }

            public String zone() {
                return "Asia/Kolkata";
            }

            public Onnx onnx() {
                return null;
            }

            public Cache cache() {
                return cache;
            }
        };
    }
}
