package io.navswap.ai.model;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** The eight cities NavSwap runs in (SPEC.md seed data); the index is the {@code city_index} feature. */
public final class Cities {

    public record City(String name, double latitude, double longitude) {
    }

    private static final List<City> ALL = List.of(
            new City("Delhi", 28.6139, 77.2090),
            new City("Mumbai", 19.0760, 72.8777),
            new City("Bangalore", 12.9716, 77.5946),
            new City("Hyderabad", 17.3850, 78.4867),
            new City("Chennai", 13.0827, 80.2707),
            new City("Pune", 18.5204, 73.8567),
            new City("Kolkata", 22.5726, 88.3639),
            new City("Ahmedabad", 23.0225, 72.5714));

    private Cities() {
    }

    public static List<City> all() {
        return ALL;
    }

    /** Index of a city by name, ignoring case; empty for a city the models were not trained on. */
    public static OptionalInt index(String name) {
        if (name == null) {
            return OptionalInt.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** Distance in km from a point to the nearest city centre (the {@code distance_to_centre_km} feature). */
    public static double distanceToNearestCentreKm(double latitude, double longitude) {
        double best = Double.MAX_VALUE;
        for (City city : ALL) {
            best = Math.min(best, Geo.haversineKm(latitude, longitude, city.latitude(), city.longitude()));
        }
        return best;
    }
}
