package io.navswap.station.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.navswap.shared.geo.Haversine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Nearest-station search over 10,000 stations: p50/p99 latency of the grid index (what {@code GET /station/nearest}
 * and {@code POST /recommend} run) against a brute-force haversine scan. Not a test; run it by hand:
 * {@code mvn -pl station-service test -Dtest=StationSearchBenchmark -Dnavswap.bench=true}.
 */
@EnabledIfSystemProperty(named = "navswap.bench", matches = "true")
class StationSearchBenchmark {
    private static final int STATIONS = 10_000;
    private static final int WARMUP = 20_000;
    private static final int QUERIES = 50_000;
    /** The 8 cities of the seed; riders and most stations are around them. */
    private static final double[][] CITIES = { { 28.61, 77.21 }, { 19.08, 72.88 }, { 12.97, 77.59 }, { 17.39, 78.49 },
            { 13.08, 80.27 }, { 18.52, 73.86 }, { 22.57, 88.36 }, { 23.02, 72.57 } };

    @Test
    void nearestOverTenThousandStations() {
        Random random = new Random(7);
        List<IndexedStation> stations = new ArrayList<>();
        for (int i = 0; i < STATIONS; i++) {
            double lat;
            double lon;
            if (i % 5 == 4) { // a fifth spread over the whole country box
                lat = 8 + random.nextDouble() * 27;
                lon = 68 + random.nextDouble() * 29;
            } else {
                double[] city = CITIES[random.nextInt(CITIES.length)];
                lat = city[0] + random.nextGaussian() * 0.15;
                lon = city[1] + random.nextGaussian() * 0.15;
            }
            List<Double> charged = new ArrayList<>();
            int n = random.nextInt(21);
            for (int b = 0; b < n; b++) {
                charged.add(60 + random.nextInt(40) + 0.0);
            }
            charged.sort(Comparator.reverseOrder());
            stations.add(new IndexedStation(String.format(Locale.ROOT, "ST-BEN-%05d", i), "Bench " + i, "Bench", lat, lon,
                    30, null, List.copyOf(charged)));
        }
        StationGridIndex<IndexedStation> index = new StationGridIndex<>(0.1);
        long built = System.nanoTime();
        stations.forEach(index::put);
        System.out.printf(Locale.ROOT, "%nIndex of %,d stations built in %.1f ms%n", STATIONS,
                (System.nanoTime() - built) / 1e6);

        double[][] points = new double[WARMUP + QUERIES][];
        Double[] sohMin = new Double[points.length];
        for (int q = 0; q < points.length; q++) {
            double[] city = CITIES[random.nextInt(CITIES.length)];
            points[q] = new double[] { city[0] + random.nextGaussian() * 0.2, city[1] + random.nextGaussian() * 0.2 };
            sohMin[q] = q % 3 == 0 ? null : (q % 3 == 1 ? 80.0 : 90.0);
        }

        // Same answers as the brute-force scan, checked on a sample before timing anything.
        for (int q = 0; q < 500; q++) {
            Predicate<IndexedStation> filter = filter(sohMin[q]);
            assertEquals(ids(bruteForce(stations, points[q], 10, filter, 10)),
                    ids(index.within(points[q][0], points[q][1], 10, filter, 10)));
        }

        System.out.println("query                              p50 µs    p99 µs    max µs   queries/s");
        run("grid, r=10 km, limit 10", points, sohMin, (p, f) -> index.within(p[0], p[1], 10, f, 10));
        run("grid, r=50 km, limit 10", points, sohMin, (p, f) -> index.within(p[0], p[1], 50, f, 10));
        run("grid, r=10 km, all (recommend)", points, sohMin, (p, f) -> index.within(p[0], p[1], 10, f, 0));
        run("grid, r=500 km, limit 10 (max)", Arrays.copyOf(points, WARMUP + QUERIES / 10), sohMin,
                (p, f) -> index.within(p[0], p[1], 500, f, 10));
        run("brute force, r=10 km, limit 10", Arrays.copyOf(points, WARMUP + QUERIES / 10), sohMin,
                (p, f) -> bruteForce(stations, p, 10, f, 10));
    }

    interface Search {
        List<StationGridIndex.Hit<IndexedStation>> find(double[] point, Predicate<IndexedStation> filter);
    }

    private static void run(String name, double[][] points, Double[] sohMin, Search search) {
        long sink = 0;
        for (int q = 0; q < WARMUP; q++) {
            sink += search.find(points[q], filter(sohMin[q])).size();
        }
        int measured = points.length - WARMUP;
        long[] nanos = new long[measured];
        long started = System.nanoTime();
        for (int q = 0; q < measured; q++) {
            long t0 = System.nanoTime();
            sink += search.find(points[WARMUP + q], filter(sohMin[WARMUP + q])).size();
            nanos[q] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-32s %9.1f %9.1f %9.1f %11.0f   (%d results)%n", name,
                nanos[measured / 2] / 1e3, nanos[(int) (measured * 0.99)] / 1e3, nanos[measured - 1] / 1e3,
                measured / seconds, sink);
    }

    private static Predicate<IndexedStation> filter(Double sohMin) {
        return s -> sohMin == null || s.chargedAtLeast(sohMin) > 0;
    }

    private static List<StationGridIndex.Hit<IndexedStation>> bruteForce(List<IndexedStation> stations, double[] p,
            double radiusKm, Predicate<IndexedStation> filter, int limit) {
        List<StationGridIndex.Hit<IndexedStation>> hits = new ArrayList<>();
        for (IndexedStation s : stations) {
            double d = Haversine.km(p[0], p[1], s.latitude(), s.longitude());
            if (d <= radiusKm && filter.test(s)) {
                hits.add(new StationGridIndex.Hit<>(s, d));
            }
        }
        hits.sort(Comparator.<StationGridIndex.Hit<IndexedStation>>comparingDouble(StationGridIndex.Hit::distanceKm)
                .thenComparing(h -> h.entry().id()));
        return limit > 0 && hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    private static List<String> ids(List<StationGridIndex.Hit<IndexedStation>> hits) {
        return hits.stream().map(h -> h.entry().id()).toList();
    }
}
