package io.navswap.queue.seed;

import io.navswap.queue.domain.GpsLog;
import io.navswap.queue.repository.GpsLogRepository;
import io.navswap.shared.geo.Haversine;
import io.navswap.shared.seed.SeedCatalog;
import io.navswap.shared.seed.SeedCatalog.DemoStation;
import io.navswap.shared.seed.SeedCatalog.DemoUser;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo GPS history (SPEC seed data: 200 GPS logs for 20 users): the first 20 SeedCatalog riders each drive
 * towards a station of the catalogue in 10 fixes, from about 3 km out to the forecourt. Deterministic (fixed
 * ids, fixed random seeds, fixed timestamps) and idempotent (upsert by id). Seed logs are history: they
 * carry no outbox events.
 */
@Singleton
public class GpsLogSeeder {
    private static final Logger LOG = Logger.getLogger(GpsLogSeeder.class);
    static final int USERS = 20;
    static final int FIXES_PER_USER = 10;
    static final Instant BASE = Instant.parse("2026-11-01T02:30:00Z");

    private final GpsLogRepository logs;
    private final boolean enabled;

    GpsLogSeeder(GpsLogRepository logs, @ConfigProperty(name = "navswap.seed.enabled") boolean enabled) {
        this.logs = logs;
        this.enabled = enabled;
    }

    void onStart(@Observes @Priority(10) StartupEvent start) {
        if (enabled) {
            seed();
        }
    }

    public int seed() {
        List<GpsLog> all = plan();
        Multi.createFrom().iterable(all)
                .onItem().transformToUniAndConcatenate(logs::upsert)
                .collect().last()
                .await().atMost(Duration.ofMinutes(1));
        LOG.infof("Seeded %d GPS logs for %d riders", all.size(), USERS);
        return all.size();
    }

    static List<GpsLog> plan() {
        List<DemoUser> riders = SeedCatalog.users(io.navswap.shared.security.Roles.CONSUMER);
        List<DemoStation> stations = SeedCatalog.stations();
        List<GpsLog> all = new ArrayList<>(USERS * FIXES_PER_USER);
        for (int u = 0; u < USERS; u++) {
            DemoUser rider = riders.get(u);
            DemoStation station = stations.get(u % stations.size());
            Random random = new Random(7_000L + u);
            double bearing = random.nextDouble() * 2 * Math.PI;
            double startMeters = 2_500 + random.nextDouble() * 1_000;
            Instant start = BASE.plus(Duration.ofHours(u));
            for (int k = 0; k < FIXES_PER_USER; k++) {
                double remaining = startMeters * (FIXES_PER_USER - 1 - k) / (FIXES_PER_USER - 1) + 20 + random.nextDouble() * 30;
                double jitter = (random.nextDouble() - 0.5) * 0.2;
                double lat = station.latitude() + remaining * Math.cos(bearing + jitter) / 111_195.0;
                double lon = station.longitude()
                        + remaining * Math.sin(bearing + jitter) / (111_195.0 * Math.cos(Math.toRadians(station.latitude())));
                GpsLog log = new GpsLog();
                log.id = String.format(Locale.ROOT, "gps-seed-%s-%02d", rider.id(), k + 1);
                log.userId = rider.id();
                log.latitude = round6(lat);
                log.longitude = round6(lon);
                log.accuracy = 5 + Math.floor(random.nextDouble() * 150) / 10.0;
                log.speed = k == FIXES_PER_USER - 1 ? 0.0 : 4 + Math.floor(random.nextDouble() * 100) / 10.0;
                log.heading = Math.floor((Math.toDegrees(bearing + Math.PI) % 360 + 360) % 360 * 10) / 10.0;
                log.recordedAt = start.plus(Duration.ofSeconds(45L * k));
                log.distanceMeters = Math.round(Haversine.meters(log.latitude, log.longitude, station.latitude(),
                        station.longitude()) * 10) / 10.0;
                log.outbox = new ArrayList<>();
                all.add(log);
            }
        }
        return all;
    }

    private static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
