package io.navswap.shared.geo;

/**
 * Great-circle distance on the mean Earth sphere (radius 6,371.0088 km), within ~0.5 % of the ellipsoid: exact
 * enough for geofences, choosing a station and pricing a transport job. Plain Java because the embedded MongoDB
 * has no geo operators; the same code runs against a real MongoDB.
 */
public final class Haversine {
    public static final double EARTH_RADIUS_KM = 6371.0088;
    /** Kilometres per degree of latitude (and of longitude at the equator), for bounding boxes. */
    public static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180.0;

    private Haversine() {
    }

    public static double km(double lat1, double lon1, double lat2, double lon2) {
        double lat1Rad = Math.toRadians(lat1);
        double lat2Rad = Math.toRadians(lat2);
        return km(lat1Rad, Math.toRadians(lon1), Math.cos(lat1Rad), lat2Rad, Math.toRadians(lon2), Math.cos(lat2Rad));
    }

    public static double meters(double lat1, double lon1, double lat2, double lon2) {
        return km(lat1, lon1, lat2, lon2) * 1000.0;
    }

    /**
     * The same distance from coordinates already in radians with their latitude cosines (a spatial index can keep
     * these per point), so an index and a brute-force scan with {@link #km(double, double, double, double)} give
     * bit-identical answers.
     */
    public static double km(double lat1Rad, double lon1Rad, double cosLat1, double lat2Rad, double lon2Rad,
            double cosLat2) {
        double sinLat = Math.sin((lat2Rad - lat1Rad) / 2);
        double sinLon = Math.sin((lon2Rad - lon1Rad) / 2);
        double a = sinLat * sinLat + cosLat1 * cosLat2 * sinLon * sinLon;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
