package io.navswap.station.seed;

import static io.navswap.station.support.Api.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.shared.seed.SeedCatalog;
import io.navswap.station.domain.Battery;
import io.navswap.station.domain.BatteryStatus;
import io.navswap.station.domain.LocationType;
import io.navswap.station.repository.BatteryRepository;
import io.navswap.station.repository.PartnerShopRepository;
import io.navswap.station.repository.StationRepository;
import io.navswap.station.support.Api;
import io.navswap.station.support.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StationSeederTest {

    @Inject
    StationSeeder seeder;

    @Inject
    StationRepository stations;

    @Inject
    BatteryRepository batteries;

    @Inject
    PartnerShopRepository shops;

    @Test
    void seedIsDeterministicIdempotentAndLargeEnough() {
        seeder.seed().await().atMost(Duration.ofSeconds(60));
        StationSeeder.Result again = seeder.seed().await().atMost(Duration.ofSeconds(60));
        assertEquals(new StationSeeder.Result(0, 0, 0), again, "a second run inserts nothing");

        List<Battery> expected = StationSeeder.batteries(Instant.now());
        assertTrue(expected.size() >= 500, "500+ batteries: " + expected.size());
        Map<String, Battery> stored = batteries.existingIds(expected.stream().map(b -> b.id).toList())
                .chain(ids -> batteries.list(null, null, null, 0, 100_000))
                .await().indefinitely().stream().collect(Collectors.toMap(b -> b.id, Function.identity()));
        for (Battery spec : expected) {
            Battery actual = stored.get(spec.id);
            assertEquals(spec.soh, actual.soh, spec.id);
            assertEquals(spec.cycles, actual.cycles, spec.id);
            assertEquals(spec.locationType, actual.locationType, spec.id);
            assertEquals(spec.locationId, actual.locationId, spec.id);
            if (spec.status != BatteryStatus.CHARGING) {
                // the charging clock may since have finished a seeded charge; everything else is exactly as generated
                assertEquals(spec.status, actual.status, spec.id);
            }
            assertTrue(spec.soh >= 60 && spec.soh <= 99, spec.id + " SOH " + spec.soh);
            if (spec.status == BatteryStatus.QUARANTINED) {
                assertTrue(spec.soh < 75, spec.id + " is quarantined with SOH " + spec.soh);
            }
        }
        for (SeedCatalog.DemoUser rider : SeedCatalog.users("consumer")) {
            Battery riding = stored.get(SeedCatalog.riderBatteryId(rider.id()));
            assertEquals(BatteryStatus.IN_USE, riding.status);
            assertEquals(LocationType.RIDER, riding.locationType);
            assertEquals(rider.id(), riding.holderId);
            assertTrue(riding.soh >= 70 && riding.soh <= 95);
        }
        // The batteries the other services' seeds name exist, where their histories say they are.
        for (SeedCatalog.FaultBattery fault : SeedCatalog.faultBatteries()) {
            Battery battery = stored.get(fault.batteryId());
            assertEquals(BatteryStatus.QUARANTINED, battery.status, fault.batteryId());
            assertEquals(LocationType.STATION, battery.locationType, fault.batteryId());
            assertEquals(fault.stationId(), battery.locationId, fault.batteryId());
            assertEquals(fault.faultId(), battery.lastFaultId, fault.batteryId());
        }
        assertEquals(SeedCatalog.faultBatteries().stream().map(SeedCatalog.FaultBattery::batteryId).sorted().toList(),
                expected.stream().filter(b -> b.status == BatteryStatus.QUARANTINED).map(b -> b.id).sorted().toList(),
                "every seeded quarantined battery has its fault history in staff-service");
        for (SeedCatalog.InTransitJob job : SeedCatalog.inTransitJobs()) {
            for (String id : job.batteryIds()) {
                Battery battery = stored.get(id);
                assertEquals(BatteryStatus.IN_TRANSIT, battery.status, id);
                assertEquals(LocationType.TRANSIT, battery.locationType, id);
                assertEquals(job.jobId(), battery.locationId, id);
                assertEquals(job.sourceStationId(), battery.transit.fromId, id);
                assertEquals(job.destinationStationId(), battery.transit.toId, id);
            }
        }
        for (SeedCatalog.DemoStation station : SeedCatalog.stations()) {
            long here = expected.stream().filter(b -> station.id().equals(b.locationId)).count();
            long incoming = SeedCatalog.inTransitJobs().stream()
                    .filter(job -> job.destinationStationId().equals(station.id()))
                    .mapToLong(job -> job.batteryIds().size()).sum();
            assertEquals(StationSeeder.BATTERIES_PER_STATION, here + incoming, station.id());
            assertTrue(here <= station.capacity(), station.id() + " within capacity");
        }
        assertEquals(SeedCatalog.stations().size(),
                stations.existingIds(SeedCatalog.stations().stream().map(SeedCatalog.DemoStation::id).toList())
                        .await().indefinitely().size());
        assertEquals(10, shops.listInCity(null).await().indefinitely().stream().filter(s -> s.id.startsWith("PS-")).count());
        assertTrue(expected.stream().anyMatch(b -> b.status == BatteryStatus.AT_PARTNER));
    }

    @Test
    void seededInventoriesAreCountedAndListed() {
        seeder.seed().await().atMost(Duration.ofSeconds(60));
        Eventually.holds(Duration.ofSeconds(30), () -> staff().when().get("/station/ST-DEL-001").then()
                .body("inventory.charged", greaterThan(0)));
        Eventually.holds(Duration.ofSeconds(30), () -> Api.rider().queryParam("city", "Delhi").when().get("/station/list")
                .then().body("size()", equalTo(4)).body("[0].total_batteries", equalTo(StationSeeder.BATTERIES_PER_STATION)));
        Eventually.holds(Duration.ofSeconds(30), () -> staff().queryParam("city", "Delhi").when().get("/partner-shops").then()
                .body("size()", equalTo(2)).body("[0].stock_total", equalTo(8)).body("[0].free_slots", equalTo(52)));
        Api.rider().queryParam("latitude", 28.6315).queryParam("longitude", 77.2167).queryParam("battery_soh_min", 75)
                .when().get("/station/nearest").then().statusCode(200).body("stations[0].station_id", equalTo("ST-DEL-001"));
    }
}
