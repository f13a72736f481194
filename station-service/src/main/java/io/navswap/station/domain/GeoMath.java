package io.navswap.station.domain;

/** Great-circle distance on a spherical Earth; exact enough (≤ 0.5 %) for choosing a station. */
public final class GeoMath {
    public static final double EARTH_RADIUS_KM = 6371.0088;
    /** Kilometres per degree of latitude (and of longitude at the equator). */
    public static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180.0;

    private GeoMath() {
    }

    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double lat1Rad = Math.toRadians(lat1);
        double lat2Rad = Math.toRadians(lat2);
        return haversineKm(lat1Rad, Math.toRadians(lon1), Math.cos(lat1Rad), lat2Rad, Math.toRadians(lon2),
                Math.cos(lat2Rad));
    }

    /**
     * The same distance from coordinates already in radians with their latitude cosines (the spatial index keeps
     * these per station), so index and brute force give bit-identical answers.
     */
    public static double haversineKm(double lat1Rad, double lon1Rad, double cosLat1, double lat2Rad, double lon2Rad,
            double cosLat2) {
        double sinLat = Math.sin((lat2Rad - lat1Rad) / 2);
        double sinLon = Math.sin((lon2Rad - lon1Rad) / 2);
        double a = sinLat * sinLat + cosLat1 * cosLat2 * sinLon * sinLon;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
