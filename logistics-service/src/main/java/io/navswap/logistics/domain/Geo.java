package io.navswap.logistics.domain;

import io.navswap.shared.geo.Haversine;

/**
 * Bounding boxes for distance filters: the embedded MongoDB has no geo operators, so a filter is a box on ordinary
 * fields followed by the exact {@link Haversine} check (the same code against real MongoDB). Also the two-decimal
 * rounding of distances and credits in answers.
 */
public final class Geo {
    private static final double KM_PER_DEGREE_LATITUDE = Haversine.KM_PER_DEGREE;

    private Geo() {
    }

    /** Half-height of a box that contains every point within {@code radiusKm}, in degrees of latitude. */
    public static double latitudeDelta(double radiusKm) {
        return radiusKm / KM_PER_DEGREE_LATITUDE;
    }

    /** Half-width of that box in degrees of longitude at {@code latitude} (whole circle near the poles). */
    public static double longitudeDelta(double latitude, double radiusKm) {
        double cos = Math.cos(Math.toRadians(latitude));
        if (cos < 0.01) {
            return 180;
        }
        return Math.min(180, radiusKm / (KM_PER_DEGREE_LATITUDE * cos));
    }

    public static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
