package io.navswap.ai.model;

/**
 * Distances and geohash decoding. StrictMath keeps results bit-identical on every machine, so training data
 * and served features agree.
 */
public final class Geo {
    private static final double EARTH_RADIUS_KM = 6371.0088;
    private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

    private Geo() {
    }

    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = StrictMath.toRadians(lat2 - lat1);
        double dLon = StrictMath.toRadians(lon2 - lon1);
        double a = StrictMath.sin(dLat / 2) * StrictMath.sin(dLat / 2)
                + StrictMath.cos(StrictMath.toRadians(lat1)) * StrictMath.cos(StrictMath.toRadians(lat2))
                        * StrictMath.sin(dLon / 2) * StrictMath.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * StrictMath.atan2(StrictMath.sqrt(a), StrictMath.sqrt(1 - a));
    }

    /** Centre {latitude, longitude} of a geohash cell; IllegalArgumentException for a character outside base32. */
    public static double[] decodeGeohash(String geohash) {
        double latMin = -90, latMax = 90, lonMin = -180, lonMax = 180;
        boolean evenBit = true;
        for (char c : geohash.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a geohash character: " + c);
            }
            for (int bit = 4; bit >= 0; bit--) {
                boolean set = ((value >> bit) & 1) == 1;
                if (evenBit) {
                    double mid = (lonMin + lonMax) / 2;
                    if (set) {
                        lonMin = mid;
                    } else {
                        lonMax = mid;
                    }
                } else {
                    double mid = (latMin + latMax) / 2;
                    if (set) {
                        latMin = mid;
                    } else {
                        latMax = mid;
                    }
                }
                evenBit = !evenBit;
            }
        }
        return new double[] { (latMin + latMax) / 2, (lonMin + lonMax) / 2 };
    }

    /** Geohash of a point with {@code precision} characters (used by the data generator and tests). */
    public static String encodeGeohash(double latitude, double longitude, int precision) {
        double latMin = -90, latMax = 90, lonMin = -180, lonMax = 180;
        StringBuilder hash = new StringBuilder(precision);
        boolean evenBit = true;
        int bit = 0, value = 0;
        while (hash.length() < precision) {
            if (evenBit) {
                double mid = (lonMin + lonMax) / 2;
                if (longitude >= mid) {
                    value = value * 2 + 1;
                    lonMin = mid;
                } else {
                    value = value * 2;
                    lonMax = mid;
                }
            } else {
                double mid = (latMin + latMax) / 2;
                if (latitude >= mid) {
                    value = value * 2 + 1;
                    latMin = mid;
                } else {
                    value = value * 2;
                    latMax = mid;
                }
            }
            evenBit = !evenBit;
            if (++bit == 5) {
                hash.append(BASE32.charAt(value));
                bit = 0;
                value = 0;
            }
        }
        return hash.toString();
    }
}
