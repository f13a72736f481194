package io.navswap.station.service;

import io.navswap.shared.geo.Haversine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * In-memory spatial index of active stations: a fixed grid of {@code cellDegrees} cells, each holding the
 * stations inside it. A radius query visits only the cells that intersect the query's bounding box (or, when
 * that box has more cells than the grid has occupied cells, the occupied cells), then keeps the stations whose
 * exact haversine distance is within the radius. The same code runs against the embedded Mongo server and a
 * real MongoDB, which is why geo operators are not used at all.
 *
 * <p>Readers take no lock: entries are immutable and replaced as a whole, writers are serialised; a reader may
 * see a station in its old or its new cell during an update, never a torn entry.
 */
public final class StationGridIndex<T extends StationGridIndex.Located> {

    /** What the index needs of an entry. */
    public interface Located {
        String id();

        double latitude();

        double longitude();
    }

    /** An entry found by a query, with its exact distance. */
    public record Hit<T>(T entry, double distanceKm) {
    }

    /** An entry with its coordinates pre-converted for the distance formula (the hot loop of every query). */
    private record Slot<T>(T entry, double latRad, double lonRad, double cosLat) {
        static <T extends Located> Slot<T> of(T entry) {
            double lat = Math.toRadians(entry.latitude());
            return new Slot<>(entry, lat, Math.toRadians(entry.longitude()), Math.cos(lat));
        }
    }

    private final double cellDegrees;
    private final int lonCells;
    private final Map<Long, Map<String, Slot<T>>> cells = new ConcurrentHashMap<>();
    private final Map<String, T> byId = new ConcurrentHashMap<>();

    public StationGridIndex(double cellDegrees) {
        if (!(cellDegrees > 0 && cellDegrees <= 10)) {
            throw new IllegalArgumentException("cellDegrees must be in (0, 10]: " + cellDegrees);
        }
        this.cellDegrees = cellDegrees;
        this.lonCells = (int) Math.ceil(360.0 / cellDegrees);
    }

    public synchronized void put(T entry) {
        T previous = byId.put(entry.id(), entry);
        long cell = cellOf(entry.latitude(), entry.longitude());
        if (previous != null) {
            long oldCell = cellOf(previous.latitude(), previous.longitude());
            if (oldCell != cell) {
                removeFromCell(oldCell, previous.id());
            }
        }
        // compute() is atomic per cell, so a concurrent removal that empties the cell cannot swallow this entry.
        Slot<T> slot = Slot.of(entry);
        cells.compute(cell, (k, members) -> {
            Map<String, Slot<T>> target = members == null ? new ConcurrentHashMap<>() : members;
            target.put(entry.id(), slot);
            return target;
        });
    }

    public synchronized void remove(String id) {
        T previous = byId.remove(id);
        if (previous != null) {
            removeFromCell(cellOf(previous.latitude(), previous.longitude()), id);
        }
    }

    public T get(String id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }

    public synchronized void clear() {
        byId.clear();
        cells.clear();
    }

    /**
     * Entries within {@code radiusKm} of the point that pass {@code filter}, nearest first (ties by id), at most
     * {@code limit} of them ({@code limit <= 0}: all).
     */
    public List<Hit<T>> within(double latitude, double longitude, double radiusKm, Predicate<T> filter, int limit) {
        double latSpan = radiusKm / Haversine.KM_PER_DEGREE;
        double minLat = Math.max(-90.0, latitude - latSpan);
        double maxLat = Math.min(90.0, latitude + latSpan);
        int minLatCell = latCell(minLat);
        int maxLatCell = latCell(maxLat);

        // Longitude span widens towards the poles; at the box's most polar latitude it is widest.
        double polar = Math.max(Math.abs(minLat), Math.abs(maxLat));
        double cos = Math.cos(Math.toRadians(polar));
        boolean allLongitudes = polar >= 89.999 || radiusKm / (Haversine.KM_PER_DEGREE * cos) >= 180.0;
        double lonSpan = allLongitudes ? 180.0 : radiusKm / (Haversine.KM_PER_DEGREE * cos);
        int lonCellSpan = allLongitudes ? lonCells : (int) Math.ceil(lonSpan / cellDegrees) + 1;

        Query query = new Query(latitude, longitude, radiusKm);
        Collector collector = new Collector(filter, limit);
        long boxCells = (long) (maxLatCell - minLatCell + 1) * Math.min(lonCells, 2L * lonCellSpan + 1);
        if (boxCells > cells.size()) {
            // Sparse grid (or a huge radius): walking the occupied cells is cheaper than walking the box.
            for (Map<String, Slot<T>> cell : cells.values()) {
                collect(cell, query, collector);
            }
        } else {
            int centreLonCell = lonCell(longitude);
            int from = allLongitudes ? 0 : centreLonCell - lonCellSpan;
            int to = allLongitudes ? lonCells - 1 : centreLonCell + lonCellSpan;
            for (int latC = minLatCell; latC <= maxLatCell; latC++) {
                for (int lonC = from; lonC <= to; lonC++) {
                    Map<String, Slot<T>> cell = cells.get(key(latC, Math.floorMod(lonC, lonCells)));
                    if (cell != null) {
                        collect(cell, query, collector);
                    }
                }
            }
        }
        return collector.result();
    }

    private record Query(double latRad, double lonRad, double cosLat, double radiusKm, double maxDLatRad) {
        Query(double latitude, double longitude, double radiusKm) {
            this(Math.toRadians(latitude), Math.toRadians(longitude), Math.cos(Math.toRadians(latitude)), radiusKm,
                    radiusKm / Haversine.EARTH_RADIUS_KM);
        }
    }

    private void collect(Map<String, Slot<T>> cell, Query query, Collector collector) {
        for (Slot<T> slot : cell.values()) {
            double dLat = slot.latRad() - query.latRad();
            // Along a meridian the distance is exactly the latitude difference: a free first rejection.
            if (Math.abs(dLat) > query.maxDLatRad()) {
                continue;
            }
            double d = Haversine.km(query.latRad(), query.lonRad(), query.cosLat(), slot.latRad(), slot.lonRad(),
                    slot.cosLat());
            if (d <= query.radiusKm()) {
                collector.offer(slot.entry(), d);
            }
        }
    }

    private static final Comparator<Hit<?>> NEAREST_FIRST = Comparator.<Hit<?>>comparingDouble(Hit::distanceKm)
            .thenComparing(h -> ((Located) h.entry()).id());

    /** Keeps all hits, or with a limit only the nearest ones (a bounded max-heap instead of sorting everything). */
    private final class Collector {
        private final Predicate<T> filter;
        private final int limit;
        private final List<Hit<T>> all = new ArrayList<>();
        private final PriorityQueue<Hit<T>> nearest;

        Collector(Predicate<T> filter, int limit) {
            this.filter = filter;
            this.limit = limit;
            this.nearest = limit > 0 ? new PriorityQueue<>(limit + 1, NEAREST_FIRST.reversed()) : null;
        }

        void offer(T entry, double distanceKm) {
            if (nearest != null && nearest.size() == limit && distanceKm > nearest.peek().distanceKm()) {
                return;
            }
            if (!filter.test(entry)) {
                return;
            }
            Hit<T> hit = new Hit<>(entry, distanceKm);
            if (nearest == null) {
                all.add(hit);
                return;
            }
            nearest.add(hit);
            if (nearest.size() > limit) {
                nearest.poll();
            }
        }

        List<Hit<T>> result() {
            List<Hit<T>> hits = nearest == null ? all : new ArrayList<>(nearest);
            hits.sort(NEAREST_FIRST);
            return hits;
        }
    }

    private void removeFromCell(long cell, String id) {
        cells.computeIfPresent(cell, (k, members) -> {
            members.remove(id);
            return members.isEmpty() ? null : members;
        });
    }

    private long cellOf(double latitude, double longitude) {
        return key(latCell(latitude), lonCell(longitude));
    }

    private int latCell(double latitude) {
        return (int) Math.floor((latitude + 90.0) / cellDegrees);
    }

    private int lonCell(double longitude) {
        return Math.floorMod((int) Math.floor((longitude + 180.0) / cellDegrees), lonCells);
    }

    private static long key(int latCell, int lonCell) {
        return ((long) latCell << 32) | (lonCell & 0xffffffffL);
    }
}
