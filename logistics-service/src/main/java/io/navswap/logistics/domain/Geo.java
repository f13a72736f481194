package io.navswap.logistics.domain;

/**
 * Great-circle distances in plain Java: the embedded MongoDB has no geo operators, so distance filters are a
 * bounding box on ordinary fields followed by this exact check (the same code against real MongoDB).
 */
public final class Geo {
    public static final double EARTH_RADIUS_KM = 6371.0088;
    private static final double KM_PER_DEGREE_LATITUDE = 111.195;

    private Geo() {
    }

    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
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
