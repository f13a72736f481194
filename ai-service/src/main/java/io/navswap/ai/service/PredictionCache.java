package io.navswap.ai.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.navswap.ai.config.AiConfig;
import io.navswap.ai.model.ModelSpec;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Predictions cached in Redis for 10 minutes, keyed by model, what answers it now (file hash or fallback) and
 * the SHA-256 of the normalised request as canonical JSON (sorted keys). Redis is only a cache here: an
 * error or a slow answer counts as a miss and never fails a prediction. A hit is returned with
 * {@code cached: true}.
 */
@ApplicationScoped
public class PredictionCache {
    private static final Logger LOG = Logger.getLogger(PredictionCache.class);

    private final AiConfig.Cache config;
    private final ReactiveValueCommands<String, String> values;
    private final ModelRegistry models;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;
    private final MeterRegistry meters;

    PredictionCache(AiConfig config, ReactiveRedisDataSource redis, ModelRegistry models, ObjectMapper mapper,
            MeterRegistry meters) {
        this.config = config.cache();
        this.values = redis.value(String.class, String.class);
        this.models = models;
        this.mapper = mapper;
        this.canonical = JsonMapper.builder()
                .propertyNamingStrategy(mapper.getPropertyNamingStrategy())
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        this.meters = meters;
    }

    /**
     * The cached answer for this normalised request, or {@code compute}'s (then stored). {@code type} must be
     * a record with a boolean {@code cached} component.
     */
    public <T> Uni<T> cached(ModelSpec spec, Object normalisedRequest, Class<T> type, Supplier<T> compute) {
        if (!config.enabled()) {
            return Uni.createFrom().item(compute);
        }
        String key = key(spec, normalisedRequest);
        return values.get(key)
                .ifNoItem().after(config.timeout()).fail()
                .onFailure().recoverWithItem(failure -> {
                    count(spec, "error");
                    LOG.debugf("Prediction cache unavailable (%s): computing", failure.getMessage());
                    return null;
                })
                .map(json -> json == null ? null : hit(spec, json, type))
                .flatMap(hit -> {
                    if (hit != null) {
                        return Uni.createFrom().item(hit);
                    }
                    count(spec, "miss");
                    T answer = compute.get();
                    store(key, answer);
                    return Uni.createFrom().item(answer);
                });
    }

    private <T> T hit(ModelSpec spec, String json, Class<T> type) {
        try {
            ObjectNode node = (ObjectNode) mapper.readTree(json);
            node.put("cached", true);
            T value = mapper.treeToValue(node, type);
            count(spec, "hit");
            return value;
        } catch (JsonProcessingException | ClassCastException e) {
            LOG.warnf("Ignoring an unreadable cached prediction for %s: %s", spec.name(), e.getMessage());
            return null;
        }
    }

    private void store(String key, Object answer) {
        String json;
        try {
            json = mapper.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            LOG.warnf("Prediction not cached: %s", e.getMessage());
            return;
        }
        values.set(key, json, new SetArgs().px(config.ttl()))
                .ifNoItem().after(config.timeout()).fail()
                .subscribe().with(ok -> {
                }, failure -> LOG.debugf("Prediction not cached (%s)", failure.getMessage()));
    }

    String key(ModelSpec spec, Object normalisedRequest) {
        try {
            byte[] json = canonical.writeValueAsString(normalisedRequest).getBytes(StandardCharsets.UTF_8);
            return config.keyPrefix() + spec.name() + ":" + models.identity(spec) + ":" + ModelStore.sha256(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request cannot be keyed", e);
        }
    }

    private void count(ModelSpec spec, String result) {
        meters.counter("navswap.ai.cache", "model", spec.name(), "result", result).increment();
    }
}
