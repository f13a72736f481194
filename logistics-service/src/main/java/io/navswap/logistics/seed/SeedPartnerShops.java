package io.navswap.logistics.seed;

import io.navswap.logistics.domain.PartnerShop;
import io.navswap.shared.geo.Haversine;
import io.navswap.shared.seed.SeedCatalog;
import java.util.Comparator;
import java.util.List;

/**
 * The ten demo partner shops ({@code PS-<CITY>-NNN}: two in Delhi and Mumbai, one in each other city), exactly
 * as station-service seeds them (its {@code StationSeeder}), used only to give seeded jobs their shop ends. Live
 * planning never reads this list: it asks station-service ({@code GET /partner-shops}), which owns the shops.
 */
public final class SeedPartnerShops {
    public static final List<PartnerShop> SHOPS = List.of(
            shop("PS-DEL-001", "Lajpat Nagar EV Care", "Delhi", 28.5677, 77.2433, 60),
            shop("PS-DEL-002", "Rohini Battery Depot", "Delhi", 28.7041, 77.1025, 50),
            shop("PS-MUM-001", "Dadar Power Point", "Mumbai", 19.0178, 72.8478, 60),
            shop("PS-MUM-002", "Goregaon E-Mobility Hub", "Mumbai", 19.1663, 72.8526, 50),
            shop("PS-BLR-001", "HSR Layout Cell Store", "Bangalore", 12.9116, 77.6474, 60),
            shop("PS-HYD-001", "Madhapur Charge Mart", "Hyderabad", 17.4483, 78.3915, 50),
            shop("PS-CHE-001", "Guindy Battery Works", "Chennai", 13.0067, 80.2206, 50),
            shop("PS-PUN-001", "Shivajinagar EV Garage", "Pune", 18.5308, 73.8475, 40),
            shop("PS-KOL-001", "Gariahat Power Store", "Kolkata", 22.5184, 88.3655, 40),
            shop("PS-AMD-001", "Vastrapur Cell Centre", "Ahmedabad", 23.0395, 72.5293, 40));

    private SeedPartnerShops() {
    }

    public static PartnerShop nearest(SeedCatalog.DemoStation station) {
        return SHOPS.stream().min(Comparator.comparingDouble(
                shop -> Haversine.km(station.latitude(), station.longitude(), shop.latitude(), shop.longitude())))
                .orElseThrow();
    }

    private static PartnerShop shop(String id, String name, String city, double latitude, double longitude,
            int capacity) {
        return new PartnerShop(id, name, city, latitude, longitude, capacity, 0, 0);
    }
}
