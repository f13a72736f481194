package io.navswap.station.seed;

import io.navswap.messaging.MongoErrors;
import io.navswap.shared.security.Roles;
import io.navswap.shared.seed.SeedCatalog;
import io.navswap.station.domain.Battery;
import io.navswap.station.domain.BatteryStatus;
import io.navswap.station.domain.InventoryMarker;
import io.navswap.station.domain.LocationType;
import io.navswap.station.domain.PartnerShop;
import io.navswap.station.domain.Station;
import io.navswap.station.domain.TransitLeg;
import io.navswap.station.repository.BatteryRepository;
import io.navswap.station.repository.PartnerShopRepository;
import io.navswap.station.repository.StationRepository;
import io.navswap.station.service.InventoryRecounter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Demo data of station-service: the 25 stations of {@link SeedCatalog}, 20 batteries per station, each demo
 * rider's battery ({@code in_use}), 10 partner shops in the 8 cities with some stock, and the batteries the other
 * services' seeds name: staff-service's fault batteries ({@link SeedCatalog#faultBatteries()}, {@code quarantined}
 * at their station, the only quarantined ones, so every one has its fault history) and those travelling with
 * logistics-service's picked-up jobs ({@link SeedCatalog#inTransitJobs()}, {@code in_transit}; their destination
 * holds that many fewer, so the delivery refills it to 20). The rest of a station's 20 are charged or charging.
 * Deterministic (fixed ids and fixed {@link Random} seeds, one per station/shop/case, so adding a place never
 * changes the others) and idempotent (only missing ids are inserted). Batteries carry recount markers, so the
 * stations' inventories are counted (and announced once with {@code inventory.changed}) by the recounter, like
 * any other change.
 */
@ApplicationScoped
public class StationSeeder {
    private static final Logger LOG = Logger.getLogger(StationSeeder.class);
    public static final int BATTERIES_PER_STATION = SeedCatalog.BATTERIES_PER_STATION;
    private static final long SEED = 0x5EED_2026L;

    record DemoShop(String id, String name, String city, double latitude, double longitude, int capacity, int stock) {
    }

    static final List<DemoShop> SHOPS = List.of(
            new DemoShop("PS-DEL-001", "Lajpat Nagar EV Care", "Delhi", 28.5677, 77.2433, 60, 8),
            new DemoShop("PS-DEL-002", "Rohini Battery Depot", "Delhi", 28.7041, 77.1025, 50, 6),
            new DemoShop("PS-MUM-001", "Dadar Power Point", "Mumbai", 19.0178, 72.8478, 60, 8),
            new DemoShop("PS-MUM-002", "Goregaon E-Mobility Hub", "Mumbai", 19.1663, 72.8526, 50, 5),
            new DemoShop("PS-BLR-001", "HSR Layout Cell Store", "Bangalore", 12.9116, 77.6474, 60, 7),
            new DemoShop("PS-HYD-001", "Madhapur Charge Mart", "Hyderabad", 17.4483, 78.3915, 50, 6),
            new DemoShop("PS-CHE-001", "Guindy Battery Works", "Chennai", 13.0067, 80.2206, 50, 5),
            new DemoShop("PS-PUN-001", "Shivajinagar EV Garage", "Pune", 18.5308, 73.8475, 40, 4),
            new DemoShop("PS-KOL-001", "Gariahat Power Store", "Kolkata", 22.5184, 88.3655, 40, 4),
            new DemoShop("PS-AMD-001", "Vastrapur Cell Centre", "Ahmedabad", 23.0395, 72.5293, 40, 4));

    /** What one run inserted (zeros on a repeated run). */
    public record Result(int stations, int partnerShops, int batteries) {
    }

    private final StationRepository stations;
    private final PartnerShopRepository shops;
    private final BatteryRepository batteries;
    private final InventoryRecounter recounter;

    StationSeeder(StationRepository stations, PartnerShopRepository shops, BatteryRepository batteries,
            InventoryRecounter recounter) {
        this.stations = stations;
        this.shops = shops;
        this.batteries = batteries;
        this.recounter = recounter;
    }

    /** Places first, batteries after: a recount must never find a battery at a place that is not there yet. */
    public Uni<Result> seed() {
        Instant now = Instant.now();
        return insertMissing(stations(now), s -> s.id, stations::existingIds, stations::persist)
                .chain(stationCount -> insertMissing(shops(now), s -> s.id, shops::existingIds, shops::persist)
                        .chain(shopCount -> insertMissing(batteries(now), b -> b.id, batteries::existingIds,
                                batteries::persist)
                                .map(batteryCount -> new Result(stationCount, shopCount, batteryCount))))
                .invoke(result -> {
                    LOG.infof("Seed: inserted %d stations, %d partner shops, %d batteries (missing ones only)",
                            result.stations(), result.partnerShops(), result.batteries());
                    if (result.batteries() > 0) {
                        recounter.nudge();
                    }
                });
    }

    static List<Station> stations(Instant now) {
        List<Station> list = new ArrayList<>();
        for (SeedCatalog.DemoStation demo : SeedCatalog.stations()) {
            Station station = new Station();
            station.id = demo.id();
            station.name = demo.name();
            station.city = demo.city();
            station.cityKey = Station.cityKey(demo.city());
            station.latitude = demo.latitude();
            station.longitude = demo.longitude();
            station.capacity = demo.capacity();
            station.active = true;
            station.address = demo.name() + ", " + demo.city();
            station.createdAt = now;
            station.updatedAt = now;
            // No inventory yet: the first recount stores it and announces it.
            list.add(station);
        }
        return list;
    }

    static List<PartnerShop> shops(Instant now) {
        return SHOPS.stream().map(demo -> {
            PartnerShop shop = new PartnerShop();
            shop.id = demo.id();
            shop.name = demo.name();
            shop.city = demo.city();
            shop.latitude = demo.latitude();
            shop.longitude = demo.longitude();
            shop.capacity = demo.capacity();
            shop.address = demo.name() + ", " + demo.city();
            shop.createdAt = now;
            shop.updatedAt = now;
            return shop;
        }).toList();
    }

    static List<Battery> batteries(Instant now) {
        List<Battery> list = new ArrayList<>();
        List<SeedCatalog.DemoStation> catalog = SeedCatalog.stations();
        for (int s = 0; s < catalog.size(); s++) {
            SeedCatalog.DemoStation station = catalog.get(s);
            Random random = new Random(SEED + s);
            String suffix = station.id().substring("ST-".length());
            long faulty = SeedCatalog.faultBatteries().stream().filter(f -> f.stationId().equals(station.id())).count();
            int incoming = SeedCatalog.inTransitJobs().stream()
                    .filter(job -> job.destinationStationId().equals(station.id()))
                    .mapToInt(job -> job.batteryIds().size()).sum();
            for (int n = 1; n <= BATTERIES_PER_STATION - faulty - incoming; n++) {
                double roll = random.nextDouble();
                BatteryStatus status = roll < 0.30 ? BatteryStatus.CHARGING : BatteryStatus.CHARGED;
                list.add(battery(String.format(Locale.ROOT, "BAT-%s-%02d", suffix, n), status, LocationType.STATION,
                        station.id(), between(random, 75, 99), random, now));
            }
        }
        List<SeedCatalog.FaultBattery> faults = SeedCatalog.faultBatteries();
        for (int i = 0; i < faults.size(); i++) {
            SeedCatalog.FaultBattery fault = faults.get(i);
            Random random = new Random(SEED + 2000 + i);
            Battery battery = battery(fault.batteryId(), BatteryStatus.QUARANTINED, LocationType.STATION,
                    fault.stationId(), between(random, 60, 74.9), random, now);
            battery.lastFaultId = fault.faultId();
            list.add(battery);
        }
        List<SeedCatalog.InTransitJob> jobs = SeedCatalog.inTransitJobs();
        for (int j = 0; j < jobs.size(); j++) {
            SeedCatalog.InTransitJob job = jobs.get(j);
            Random random = new Random(SEED + 3000 + j);
            for (String id : job.batteryIds()) {
                Battery battery = battery(id, BatteryStatus.IN_TRANSIT, LocationType.TRANSIT, job.jobId(),
                        between(random, 80, 99), random, now);
                TransitLeg leg = new TransitLeg();
                leg.jobId = job.jobId();
                leg.fromType = LocationType.STATION;
                leg.fromId = job.sourceStationId();
                leg.toType = LocationType.STATION;
                leg.toId = job.destinationStationId();
                leg.previousStatus = BatteryStatus.CHARGED;
                battery.transit = leg;
                list.add(battery);
            }
        }
        Random riders = new Random(SEED - 1);
        for (SeedCatalog.DemoUser rider : SeedCatalog.users(Roles.CONSUMER)) {
            Battery battery = battery(SeedCatalog.riderBatteryId(rider.id()), BatteryStatus.IN_USE, LocationType.RIDER,
                    rider.id(), between(riders, 70, 95), riders, now);
            battery.holderId = rider.id();
            list.add(battery);
        }
        for (int p = 0; p < SHOPS.size(); p++) {
            DemoShop shop = SHOPS.get(p);
            Random random = new Random(SEED + 1000 + p);
            for (int n = 1; n <= shop.stock(); n++) {
                list.add(battery(String.format(Locale.ROOT, "BAT-%s-%02d", shop.id(), n), BatteryStatus.AT_PARTNER,
                        LocationType.PARTNER_SHOP, shop.id(), between(random, 80, 99), random, now));
            }
        }
        return list;
    }

    private static Battery battery(String id, BatteryStatus status, LocationType type, String placeId, double soh,
            Random random, Instant now) {
        Battery battery = new Battery();
        battery.id = id;
        battery.status = status;
        battery.locationType = type;
        battery.locationId = placeId;
        battery.soh = soh;
        battery.cycles = 40 + random.nextInt(1100);
        battery.temperatureC = Math.round(between(random, 24, 38) * 10) / 10.0;
        battery.statusChangedAt = now;
        battery.commissionedAt = now;
        battery.updatedAt = now;
        InventoryMarker.forLocation(type, placeId, "seed")
                .ifPresent(marker -> battery.inventoryPending = new ArrayList<>(List.of(marker.encoded())));
        return battery;
    }

    private static double between(Random random, double min, double max) {
        return Math.round((min + random.nextDouble() * (max - min)) * 10) / 10.0;
    }

    private static <T> Uni<Integer> insertMissing(List<T> all, Function<T, String> id,
            Function<List<String>, Uni<List<String>>> existing, Function<List<T>, Uni<Void>> insert) {
        return Multi.createFrom().iterable(chunks(all, 200))
                .onItem().transformToUniAndConcatenate(chunk -> existing.apply(chunk.stream().map(id).toList())
                        .chain(present -> {
                            Set<String> known = new HashSet<>(present);
                            List<T> missing = chunk.stream().filter(item -> !known.contains(id.apply(item))).toList();
                            return missing.isEmpty() ? Uni.createFrom().item(0)
                                    : insert.apply(missing).replaceWith(missing.size())
                                            // Another replica seeding at the same moment; the next start fills any gap.
                                            .onFailure(MongoErrors::isDuplicateKey).recoverWithItem(e -> {
                                                LOG.warn("Seed raced with another instance; some items were already there");
                                                return 0;
                                            });
                        }))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }
}
