package io.navswap.station.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.station.config.StationConfig;
import io.navswap.station.repository.StationRepository;
import io.navswap.station.rest.StationView;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * {@code GET /station/list} answers cached in Redis, one key per city filter (and one for no filter), for
 * {@code navswap.station.list-cache.ttl}; invalidated whenever a station or its inventory changes. Redis is
 * only a cache: when it fails the list is read from Mongo and the failure logged.
 *
 * <p>Invalidation bumps a generation counter per city ({@code ...:gen:<city>}) that is part of the list key,
 * rather than deleting the list: a reader that loaded Mongo just before a change and stores its answer just
 * after it writes under the old generation, which nobody reads any more (it then simply expires). A plain
 * delete would let that stale answer live for the whole TTL.
 *
 * <p>The writer that bumps a generation also fills it, with a list read from Mongo after the bump, so it holds
 * every change made before: under a steady stream of swaps (each one a recount) riders keep hitting the cache
 * instead of each reloading the list on their own request.
 */
@ApplicationScoped
public class StationListCache {
    private static final Logger LOG = Logger.getLogger(StationListCache.class);
    public static final String PREFIX = "navswap:station:list:";
    private static final TypeReference<List<StationView>> LIST = new TypeReference<>() {
    };

    private final ReactiveValueCommands<String, String> values;
    private final StationRepository stations;
    private final ObjectMapper mapper;
    private final Duration ttl;

    StationListCache(ReactiveRedisDataSource redis, StationRepository stations, ObjectMapper mapper,
            StationConfig config) {
        this.values = redis.value(String.class);
        this.stations = stations;
        this.mapper = mapper;
        this.ttl = config.listCache().ttl();
    }

    /** The filter part of the keys: {@code _all} or {@code city:<lower-case city>}. */
    static String scope(String city) {
        return city == null || city.isBlank() ? "_all" : "city:" + city.trim().toLowerCase(Locale.ROOT);
    }

    public static String generationKey(String city) {
        return PREFIX + "gen:" + scope(city);
    }

    public static String listKey(String city, long generation) {
        return PREFIX + scope(city) + ":g" + generation;
    }

    /** Active stations (of one city, or all) with their inventory summary, from the cache when fresh. */
    public Uni<List<StationView>> list(String city) {
        return values.get(generationKey(city))
                .map(StationListCache::generation)
                .chain(generation -> values.get(listKey(city, generation)).map(cached -> {
                    List<StationView> hit = decode(cached);
                    return new Lookup(generation, hit);
                }))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Station list cache unavailable (%s); reading Mongo", e.getMessage());
                    return new Lookup(-1, null);
                })
                .chain(lookup -> {
                    if (lookup.hit() != null) {
                        return Uni.createFrom().item(lookup.hit());
                    }
                    Uni<List<StationView>> loaded = load(city);
                    return lookup.generation() < 0 ? loaded
                            : loaded.call(list -> store(listKey(city, lookup.generation()), list));
                });
    }

    /**
     * Makes the cached lists that may show these cities stale (each given city and the unfiltered list) and fills
     * their new generations.
     */
    public Uni<Void> invalidate(String... cities) {
        // "" is the unfiltered list (Mutiny carries no nulls).
        Set<String> scopes = new LinkedHashSet<>(List.of(scope("")));
        List<String> filters = new ArrayList<>(List.of(""));
        for (String city : cities) {
            if (city != null && scopes.add(scope(city))) {
                filters.add(city);
            }
        }
        return Multi.createFrom().iterable(filters)
                .onItem().transformToUniAndMerge(this::renew)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> renew(String city) {
        return values.incr(generationKey(city))
                .chain(generation -> load(city).chain(list -> store(listKey(city, generation), list)))
                .onFailure().invoke(e -> LOG.warnf("Could not renew the station list cache for %s: %s", scope(city),
                        e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<List<StationView>> load(String city) {
        return stations.listActive(city).map(list -> list.stream().map(StationView::of).toList());
    }

    private record Lookup(long generation, List<StationView> hit) {
    }

    private static long generation(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Uni<Void> store(String key, List<StationView> list) {
        try {
            return values.setex(key, ttl.toSeconds(), mapper.writeValueAsString(list))
                    .onFailure().invoke(e -> LOG.warnf("Could not cache station list: %s", e.getMessage()))
                    .onFailure().recoverWithNull();
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private List<StationView> decode(String cached) {
        if (cached == null) {
            return null;
        }
        try {
            return mapper.readValue(cached, LIST);
        } catch (JsonProcessingException e) {
            LOG.warnf("Discarding unreadable station list cache entry: %s", e.getMessage());
            return null;
        }
    }
}
