package io.navswap.station.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.shared.geo.Haversine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The grid index must answer exactly what a brute-force haversine scan answers, everywhere on the globe. */
class StationGridIndexTest {

    record Point(String id, double latitude, double longitude) implements StationGridIndex.Located {
    }

    private static List<String> bruteForce(List<Point> points, double lat, double lon, double radiusKm) {
        return points.stream()
                .filter(p -> Haversine.km(lat, lon, p.latitude(), p.longitude()) <= radiusKm)
                .sorted(Comparator.<Point>comparingDouble(p -> Haversine.km(lat, lon, p.latitude(), p.longitude()))
                        .thenComparing(Point::id))
                .map(Point::id).toList();
    }

    private static List<String> ids(List<StationGridIndex.Hit<Point>> hits) {
        return hits.stream().map(h -> h.entry().id()).toList();
    }

    @Test
    void matchesBruteForceEverywhereIncludingPolesAndTheDateLine() {
        Random random = new Random(42);
        List<Point> points = new ArrayList<>();
        StationGridIndex<Point> index = new StationGridIndex<>(0.1);
        for (int i = 0; i < 5000; i++) {
            Point p = new Point("P" + i, -90 + random.nextDouble() * 180, -180 + random.nextDouble() * 360);
            points.add(p);
            index.put(p);
        }
        // clusters at the hard places
        double[][] corners = { { 89.95, 0 }, { -89.95, 45 }, { 0, 179.99 }, { 10, -179.99 }, { 60, 179.5 } };
        int n = 0;
        for (double[] c : corners) {
            for (int i = 0; i < 200; i++) {
                double lat = Math.max(-90, Math.min(90, c[0] + random.nextGaussian() * 0.3));
                double lon = c[1] + random.nextGaussian() * 0.5;
                lon = ((lon + 540) % 360) - 180;
                Point p = new Point("C" + n++, lat, lon);
                points.add(p);
                index.put(p);
            }
        }
        double[] radii = { 0.5, 5, 10, 50, 200, 500 };
        for (int q = 0; q < 300; q++) {
            double[] centre = q < corners.length * 20 ? corners[q % corners.length]
                    : new double[] { -90 + random.nextDouble() * 180, -180 + random.nextDouble() * 360 };
            double radius = radii[q % radii.length];
            assertEquals(bruteForce(points, centre[0], centre[1], radius),
                    ids(index.within(centre[0], centre[1], radius, p -> true, 0)),
                    "query " + q + " at " + centre[0] + "," + centre[1] + " r=" + radius);
        }
    }

    @Test
    void movesAndRemovesEntries() {
        StationGridIndex<Point> index = new StationGridIndex<>(0.1);
        index.put(new Point("A", 10, 10));
        index.put(new Point("B", 10.01, 10));
        assertEquals(List.of("A", "B"), ids(index.within(10, 10, 5, p -> true, 0)));
        index.put(new Point("A", 20, 20));
        assertEquals(List.of("B"), ids(index.within(10, 10, 5, p -> true, 0)));
        assertEquals(List.of("A"), ids(index.within(20, 20, 5, p -> true, 0)));
        index.remove("B");
        assertTrue(index.within(10, 10, 5, p -> true, 0).isEmpty());
        assertEquals(1, index.size());
    }

    @Test
    void appliesFilterAndLimitAfterOrdering() {
        StationGridIndex<Point> index = new StationGridIndex<>(0.1);
        for (int i = 1; i <= 9; i++) {
            index.put(new Point("S" + i, 10 + i * 0.01, 10));
        }
        assertEquals(List.of("S2", "S4"), ids(index.within(10, 10, 50, p -> p.id().compareTo("S") > 0
                && Integer.parseInt(p.id().substring(1)) % 2 == 0, 2)));
    }
}
