package io.navswap.swap.seed;

import io.navswap.shared.security.Roles;
import io.navswap.shared.seed.SeedCatalog;
import io.navswap.shared.seed.SeedCatalog.DemoStation;
import io.navswap.shared.seed.SeedCatalog.DemoUser;
import io.navswap.swap.domain.Swap;
import io.navswap.swap.domain.SwapStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The demo history: {@link #COUNT} completed swaps over the {@link #DAYS} days before {@code today}, across the
 * catalog's riders, stations and the staff based there. Deterministic for a given day (fixed Random seed, fixed
 * ids {@code SWP-HIST-001..200} in chronological order). Each rider's swaps chain their batteries: the battery
 * taken at one swap is the one returned at the next, and the last one is the battery the rider holds when the
 * demo starts ({@link SeedCatalog#riderBatteryId}). Earlier batteries are history only ({@code BAT-HIST-*}).
 */
public final class HistoricalSwaps {
    public static final int COUNT = 200;
    public static final int DAYS = 60;
    static final long RANDOM_SEED = 8_083L;
    /** A rider swaps mostly at one station near home, sometimes elsewhere. */
    private static final double HOME_STATION_SHARE = 0.7;
    private static final int FAULTY_PERCENT = 3;

    private HistoricalSwaps() {
    }

    public static String swapId(int n) {
        return String.format(Locale.ROOT, "SWP-HIST-%03d", n);
    }

    /** The history as of {@code now}, anchored on the start of its UTC day. */
    public static List<Swap> generate(Instant now, int loyaltyCredits) {
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        List<DemoUser> riders = SeedCatalog.users(Roles.CONSUMER);
        List<DemoStation> stations = SeedCatalog.stations();
        Map<String, List<String>> staffByStation = staffByStation();
        Random random = new Random(RANDOM_SEED);

        List<Swap> swaps = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            int riderIndex = random.nextInt(riders.size());
            DemoUser rider = riders.get(riderIndex);
            DemoStation station = random.nextDouble() < HOME_STATION_SHARE
                    ? stations.get(riderIndex % stations.size())
                    : stations.get(random.nextInt(stations.size()));
            List<String> staffHere = staffByStation.get(station.id());
            Instant startedAt = today.minus(Duration.ofDays(1 + random.nextInt(DAYS)))
                    .plus(Duration.ofHours(7 + random.nextInt(15)))
                    .plus(Duration.ofMinutes(random.nextInt(60)))
                    .plusSeconds(random.nextInt(60));
            int duration = 90 + random.nextInt(211);
            double oldSoh = Math.round((62 + random.nextDouble() * 36) * 10) / 10.0;
            boolean faulty = random.nextInt(100) < FAULTY_PERCENT;
            boolean quarantined = faulty || oldSoh < 75;

            Swap swap = new Swap();
            swap.userId = rider.id();
            swap.userName = rider.name();
            swap.stationId = station.id();
            swap.staffId = staffHere.get(random.nextInt(staffHere.size()));
            swap.completedBy = swap.staffId;
            swap.batterySohMin = random.nextBoolean() ? 80.0 : null;
            swap.status = SwapStatus.COMPLETED;
            swap.startedAt = startedAt;
            swap.completedAt = startedAt.plusSeconds(duration);
            swap.oldBatterySoh = oldSoh;
            swap.faulty = faulty;
            swap.quarantined = quarantined;
            swap.oldBatteryStatus = quarantined ? "quarantined" : "charging";
            swap.swapDurationSeconds = duration;
            swap.notes = faulty ? "Rider reported sudden power loss" : null;
            swap.loyaltyCredits = loyaltyCredits;
            swap.version = 1;
            swaps.add(swap);
        }
        swaps.sort(Comparator.comparing((Swap s) -> s.startedAt).thenComparing(s -> s.userId));
        for (int n = 1; n <= swaps.size(); n++) {
            Swap swap = swaps.get(n - 1);
            swap.id = swapId(n);
            swap.reservationId = String.format(Locale.ROOT, "RES-HIST-%03d", n);
        }
        chainBatteries(swaps);
        return swaps;
    }

    private static void chainBatteries(List<Swap> chronological) {
        Map<String, List<Swap>> byRider = new LinkedHashMap<>();
        chronological.forEach(s -> byRider.computeIfAbsent(s.userId, k -> new ArrayList<>()).add(s));
        byRider.forEach((riderId, swaps) -> {
            String number = riderId.substring(riderId.lastIndexOf('-') + 1);
            for (int k = 0; k < swaps.size(); k++) {
                Swap swap = swaps.get(k);
                swap.oldBatteryId = "BAT-HIST-" + number + "-" + (k + 1);
                swap.newBatteryId = k + 1 < swaps.size()
                        ? "BAT-HIST-" + number + "-" + (k + 2)
                        : SeedCatalog.riderBatteryId(riderId);
            }
        });
    }

    private static Map<String, List<String>> staffByStation() {
        Map<String, List<String>> byStation = new LinkedHashMap<>();
        List<DemoUser> staff = SeedCatalog.users(Roles.STAFF);
        for (int n = 1; n <= staff.size(); n++) {
            byStation.computeIfAbsent(SeedCatalog.homeStationOfStaff(n).id(), k -> new ArrayList<>())
                    .add(staff.get(n - 1).id());
        }
        return byStation;
    }
}
