package io.navswap.station.service;

import io.navswap.station.config.StationConfig;
import io.navswap.station.domain.Station;
import io.navswap.station.repository.StationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The in-memory spatial index of active stations. Loaded from Mongo at startup, updated by this replica on
 * every station write it makes (admin edits, inventory recounts), and refreshed periodically with the
 * stations other replicas changed ({@code updatedAt} since the last pass, with an overlap for clock skew).
 */
@ApplicationScoped
public class StationIndex {
    private static final Logger LOG = Logger.getLogger(StationIndex.class);
    /** Overlap of successive refresh windows, so writes stamped by a slightly slower clock are not missed. */
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final StationRepository stations;
    private final StationGridIndex<IndexedStation> grid;
    /**
     * Per station, the newest state applied ({@code version + inventoryVersion}, both only grow), so a refresh that
     * read a station just before a local write cannot put the older state back.
     */
    private final Map<String, Long> applied = new ConcurrentHashMap<>();
    private volatile Instant lastRefresh = Instant.EPOCH;

    StationIndex(StationRepository stations, StationConfig config) {
        this.stations = stations;
        this.grid = new StationGridIndex<>(config.index().cellDegrees());
    }

    /** Rebuilds the index from every station in Mongo. */
    public Uni<Integer> reload() {
        Instant started = Instant.now();
        return stations.listAll().map(all -> {
            grid.clear();
            applied.clear();
            all.forEach(this::apply);
            lastRefresh = started;
            LOG.infof("Station index loaded: %d active of %d stations", grid.size(), all.size());
            return grid.size();
        });
    }

    /** Applies the stations changed since the last pass (by any replica). */
    public Uni<Integer> refreshChanged() {
        Instant started = Instant.now();
        Instant since = lastRefresh.minus(SKEW);
        return stations.changedSince(since).map(changed -> {
            changed.forEach(this::apply);
            lastRefresh = started;
            return changed.size();
        });
    }

    /** Puts an active station in the index or takes an inactive one out. */
    public void apply(Station station) {
        if (station == null) {
            return;
        }
        long stamp = station.version + station.inventoryVersion;
        applied.compute(station.id, (id, newest) -> {
            if (newest != null && newest > stamp) {
                return newest;
            }
            if (station.active) {
                grid.put(IndexedStation.of(station));
            } else {
                grid.remove(station.id);
            }
            return stamp;
        });
    }

    public List<StationGridIndex.Hit<IndexedStation>> within(double latitude, double longitude, double radiusKm,
            Predicate<IndexedStation> filter, int limit) {
        return grid.within(latitude, longitude, radiusKm, filter, limit);
    }

    public IndexedStation get(String id) {
        return grid.get(id);
    }

    public int size() {
        return grid.size();
    }
}
