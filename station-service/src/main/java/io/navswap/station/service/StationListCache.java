package io.navswap.station.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.station.config.StationConfig;
import io.navswap.station.repository.StationRepository;
import io.navswap.station.rest.StationView;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * {@code GET /station/list} answers cached in Redis, one key per city filter (and one for no filter), for
 * {@code navswap.station.list-cache.ttl}; invalidated whenever a station or its inventory changes. Redis is
 * only a cache: when it fails the list is read from Mongo and the failure logged. Answers are JSON text, as
 * stored: a read from the cache decodes and encodes nothing.
 *
 * <p>Invalidation bumps a generation counter per city ({@code ...:gen:<city>}) that is part of the list key,
 * rather than deleting the list: a reader that loaded Mongo just before a change and stores its answer just
 * after it writes under the old generation, which nobody reads any more (it then simply expires). A plain
 * delete would let that stale answer live for the whole TTL.
 *
 * <p>The writer that bumps a generation also fills it, with a list read from Mongo after the bump, so it holds
 * every change made before: under a steady stream of swaps (each one a recount) riders keep hitting the cache
 * instead of each reloading the list on their own request. It fills only the lists this replica holds a copy of,
 * that is, lists read here lately: every change renews the unfiltered list and its city's, and a city list nobody
 * reads would otherwise be reloaded from Mongo on every swap there. A list it does not hold is only bumped (and
 * announced, so other replicas drop their copies); its next reader loads and stores it.
 *
 * <p>In front of Redis each replica keeps copies of the lists ({@link StationListCopies}), renewed by its own
 * writes and dropped and fetched again when another replica announces a renewal; a list read is then answered
 * from memory.
 */
@ApplicationScoped
public class StationListCache implements StationListAnnouncements.Listener {
    private static final Logger LOG = Logger.getLogger(StationListCache.class);
    public static final String PREFIX = "navswap:station:list:";

    private final ReactiveValueCommands<String, String> values;
    private final StationRepository stations;
    private final StationListAnnouncements announcements;
    private final ObjectMapper mapper;
    private final Duration ttl;
    private final StationListCopies copies;

    StationListCache(ReactiveRedisDataSource redis, StationRepository stations, StationListAnnouncements announcements,
            ObjectMapper mapper, StationConfig config) {
        this.values = redis.value(String.class);
        this.stations = stations;
        this.announcements = announcements;
        this.mapper = mapper;
        this.ttl = config.listCache().ttl();
        this.copies = new StationListCopies(ttl, Instant::now);
    }

    void onStart(@Observes StartupEvent start) {
        announcements.listen(this);
    }

    /** The filter part of the keys: {@code _all} or {@code city:<lower-case city>}. */
    static String scope(String city) {
        return city == null || city.isBlank() ? "_all" : "city:" + city.trim().toLowerCase(Locale.ROOT);
    }

    public static String generationKey(String city) {
        return generationKeyOf(scope(city));
    }

    public static String listKey(String city, long generation) {
        return listKeyOf(scope(city), generation);
    }

    private static String generationKeyOf(String scope) {
        return PREFIX + "gen:" + scope;
    }

    private static String listKeyOf(String scope, long generation) {
        return PREFIX + scope + ":g" + generation;
    }

    /** Active stations (of one city, or all) with their inventory summary, as JSON; from the cache when fresh. */
    public Uni<String> list(String city) {
        String scope = scope(city);
        String copy = copies.get(scope);
        if (copy != null) {
            return Uni.createFrom().item(copy);
        }
        long mark = copies.mark();
        return values.get(generationKeyOf(scope))
                .map(StationListCache::generation)
                .chain(generation -> values.get(listKeyOf(scope, generation))
                        .map(cached -> new Lookup(generation, cached)))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Station list cache unavailable (%s); reading Mongo", e.getMessage());
                    return new Lookup(-1, null);
                })
                .chain(lookup -> {
                    if (lookup.hit() != null) {
                        copies.keep(scope, lookup.generation(), lookup.hit(), mark);
                        return Uni.createFrom().item(lookup.hit());
                    }
                    Uni<String> loaded = load(city);
                    return lookup.generation() < 0 ? loaded
                            : loaded.call(json -> store(listKeyOf(scope, lookup.generation()), json)
                                    .invoke(() -> copies.keep(scope, lookup.generation(), json, mark)));
                });
    }

    /**
     * Makes the cached lists that may show these cities stale (each given city and the unfiltered list) and fills
     * the new generations of those read here.
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
        String scope = scope(city);
        boolean readHere = copies.get(scope) != null;
        return values.incr(generationKeyOf(scope))
                .chain(generation -> (readHere ? fill(city, scope, generation) : bumped(scope))
                        .chain(() -> announcements.announce(scope, generation)))
                .onFailure().invoke(e -> {
                    copies.stale(scope);
                    LOG.warnf("Could not renew the station list cache for %s: %s", scope, e.getMessage());
                })
                .onFailure().recoverWithNull();
    }

    private Uni<Void> fill(String city, String scope, long generation) {
        return load(city)
                .call(json -> store(listKeyOf(scope, generation), json))
                .invoke(json -> copies.renewed(scope, generation, json))
                .replaceWithVoid();
    }

    /** A read of this scope still under way here must not keep what it found before the bump. */
    private Uni<Void> bumped(String scope) {
        copies.stale(scope);
        return Uni.createFrom().voidItem();
    }

    @Override
    public void heard(StationListAnnouncements.Announcement announcement) {
        String scope = announcement.scope();
        copies.stale(scope);
        long mark = copies.mark();
        values.get(listKeyOf(scope, announcement.generation())).subscribe().with(json -> {
            if (json != null) {
                copies.keep(scope, announcement.generation(), json, mark);
            }
        }, failure -> LOG.warnf("Renewed station list %s not fetched (the next read asks Redis): %s", scope,
                failure.getMessage()));
    }

    @Override
    public void listening(boolean heard) {
        copies.listening(heard);
    }

    private Uni<String> load(String city) {
        return stations.listActive(city).map(list -> {
            try {
                return mapper.writeValueAsString(list.stream().map(StationView::of).toList());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Station list not serialisable", e);
            }
        });
    }

    private record Lookup(long generation, String hit) {
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

    private Uni<Void> store(String key, String json) {
        return values.setex(key, ttl.toSeconds(), json)
                .onFailure().invoke(e -> LOG.warnf("Could not cache station list: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
