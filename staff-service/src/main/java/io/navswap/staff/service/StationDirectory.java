package io.navswap.staff.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.shared.problem.ProblemException;
import io.navswap.staff.client.StationClient;
import io.navswap.staff.client.StationSummary;
import io.navswap.staff.config.StaffConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The stations staff-service knows of, from station-service {@code GET /station/list} only (coordinates for
 * the nearest technician, capacity, charged stock and queue length for load). Cached in Redis for
 * {@code navswap.staff.stations.cache-ttl} (shared by replicas); the last list seen is also kept in
 * memory so that station-service being down does not stop ticket assignment.
 */
@ApplicationScoped
public class StationDirectory {
    private static final Logger LOG = Logger.getLogger(StationDirectory.class);
    static final String CACHE_KEY = "staff-service:station-directory";
    private static final TypeReference<List<StationSummary>> LIST = new TypeReference<>() {
    };

    /** Where a directory answer came from, so callers can say so. */
    public enum Origin {
        STATION_SERVICE, CACHE, LAST_KNOWN
    }

    public record Directory(List<StationSummary> stations, Origin origin, Instant fetchedAt) {
        public Optional<StationSummary> find(String stationId) {
            return stations.stream().filter(s -> stationId.equals(s.stationId())).findFirst();
        }
    }

    private final StationClient client;
    private final ReactiveValueCommands<String, String> cache;
    private final ObjectMapper mapper;
    private final StaffConfig config;
    private final Clock clock;
    private volatile Directory lastKnown;

    StationDirectory(StationClient client, ReactiveRedisDataSource redis, ObjectMapper mapper, StaffConfig config,
            Clock clock) {
        this.client = client;
        this.cache = redis.value(String.class);
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /** Live from station-service (queue lengths matter); cache or last known copy only when it is down. */
    public Uni<Directory> fresh(String authorization) {
        return fetch(authorization)
                .onFailure().recoverWithUni(failure -> cached().onItem().ifNull()
                        .switchTo(() -> lastKnownOr(failure)));
    }

    /** From the cache when it is younger than the TTL, else live; last known copy when both fail. */
    public Uni<Directory> cachedOrFetch(String authorization) {
        return cached().onItem().ifNull().switchTo(() -> fetch(authorization)
                .onFailure().recoverWithUni(this::lastKnownOr));
    }

    private Uni<Directory> fetch(String authorization) {
        return client.list(authorization).map(list -> {
            List<StationSummary> usable = list.stream().filter(s -> s.stationId() != null).toList();
            Directory directory = new Directory(usable, Origin.STATION_SERVICE, Times.now(clock));
            lastKnown = directory;
            store(usable);
            return directory;
        });
    }

    private Uni<Directory> cached() {
        return cache.get(CACHE_KEY)
                .map(json -> {
                    List<StationSummary> stations = json == null ? null : parse(json);
                    return stations == null ? null : new Directory(stations, Origin.CACHE, Times.now(clock));
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("Station directory cache unreadable: %s", failure.toString());
                    return null;
                });
    }

    private void store(List<StationSummary> stations) {
        try {
            cache.setex(CACHE_KEY, Math.max(1, config.stations().cacheTtl().toSeconds()),
                    mapper.writeValueAsString(stations))
                    .subscribe().with(ok -> {
                    }, failure -> LOG.debugf("Station directory not cached: %s", failure.toString()));
        } catch (JsonProcessingException e) {
            LOG.warn("Station directory could not be serialised for the cache", e);
        }
    }

    private List<StationSummary> parse(String json) {
        try {
            return mapper.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            LOG.warn("Cached station directory is unreadable; ignoring it", e);
            return null;
        }
    }

    private Uni<Directory> lastKnownOr(Throwable failure) {
        Directory known = lastKnown;
        if (known != null) {
            LOG.warnf("station-service unavailable (%s); using the station list of %s", failure.toString(),
                    known.fetchedAt());
            return Uni.createFrom().item(new Directory(known.stations(), Origin.LAST_KNOWN, known.fetchedAt()));
        }
        return Uni.createFrom().failure(failure instanceof ProblemException ? failure
                : new ProblemException(503, "station-directory-unavailable", "Station directory unavailable",
                        "station-service did not answer and no station list is cached"));
    }
}
