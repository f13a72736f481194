package io.navswap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.navswap.shared.seed.SeedCatalog;
import io.navswap.shared.seed.SeedCatalog.DemoStation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One rider's complete swap through the gateway, as the apps would do it: nearest, recommend, confirm,
 * three GPS updates closing in, QR verify by the station's staff, swap completion, history.
 *
 * <p>A journey that fails is settled as people would settle it, through an unmeasured client: before the QR
 * scan the rider cancels the reservation, after it the staff member tries the completion again. Otherwise the
 * rider keeps a live reservation and every later journey of that rider fails at confirm.
 */
final class SwapJourney {
    private static final double METERS_PER_DEGREE_LAT = 111_320.0;
    private static final int COMPLETION_RETRIES = 10;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final GatewayClient gateway;
    /** Unmeasured: what settling a failed journey sends is not the journey's latency. */
    private final GatewayClient settling;
    /** The battery each rider holds now: a completed swap hands over a new one. */
    private final Map<String, String> batteryInHand;
    /** One counter per station: the staff there complete one swap at a time. */
    private final Map<String, ReentrantLock> counters;

    SwapJourney(GatewayClient gateway) {
        this(gateway, gateway, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private SwapJourney(GatewayClient gateway, GatewayClient settling, Map<String, String> batteryInHand,
            Map<String, ReentrantLock> counters) {
        this.gateway = gateway;
        this.settling = settling;
        this.batteryInHand = batteryInHand;
        this.counters = counters;
    }

    /** The same riders (with the batteries they now hold), measured by another client. */
    SwapJourney measuredBy(GatewayClient measured) {
        return new SwapJourney(measured, settling, batteryInHand, counters);
    }

    /** Every rider and counter staff member of the journeys, logged in once. */
    static void logInEveryone(GatewayClient gateway) {
        for (int rider = 1; rider <= SeedCatalog.CONSUMERS; rider++) {
            gateway.token(String.format("rider%02d@navswap.dev", rider), SeedCatalog.CONSUMER_PASSWORD);
        }
        for (int staff = 1; staff <= SeedCatalog.stations().size(); staff++) {
            gateway.token(String.format("staff%02d@navswap.dev", staff), SeedCatalog.STAFF_PASSWORD);
        }
    }

    /** Runs journey {@code n}; answers whether every step succeeded. */
    boolean run(int n) {
        List<DemoStation> stations = SeedCatalog.stations();
        DemoStation station = stations.get(n % stations.size());
        int riderNumber = n % SeedCatalog.CONSUMERS + 1;
        String riderId = String.format("usr-c-%03d", riderNumber);
        String rider = gateway.token(String.format("rider%02d@navswap.dev", riderNumber), SeedCatalog.CONSUMER_PASSWORD);
        String staff = gateway.token(String.format("staff%02d@navswap.dev", n % stations.size() + 1),
                SeedCatalog.STAFF_PASSWORD);

        double lat = station.latitude();
        double lon = station.longitude();
        if (!gateway.get("station/nearest", "/station/nearest?latitude=" + lat + "&longitude=" + lon
                + "&max_distance_km=10&battery_soh_min=60", rider).ok()) {
            return false;
        }
        if (!gateway.post("recommend", "/recommend", rider,
                Map.of("latitude", north(lat, 3000), "longitude", lon, "battery_soh_min", 60)).ok()) {
            return false;
        }
        GatewayClient.Answer confirm = gateway.post("queue/confirm", "/queue/confirm", rider,
                Map.of("station_id", station.id(), "battery_soh_min", 60));
        if (!confirm.ok()) {
            return false;
        }
        String queueId = confirm.body().path("queue_id").asText();
        for (int meters : new int[] { 1500, 900, 400 }) {
            if (!gateway.post("location/update", "/location/update", rider,
                    Map.of("latitude", north(lat, meters), "longitude", lon, "accuracy", 8)).ok()) {
                return cancel(queueId, rider);
            }
        }
        ReentrantLock counter = counters.computeIfAbsent(station.id(), id -> new ReentrantLock());
        counter.lock();
        try {
            GatewayClient.Answer verify = gateway.post("qr/verify", "/qr/verify", staff,
                    Map.of("qr_token", confirm.body().path("qr_token").asText(), "station_id", station.id()));
            if (!verify.ok()) {
                return cancel(queueId, rider);
            }
            String swapId = verify.body().path("swap_id").asText();
            if (!exchange(gateway, station, swapId, riderId, rider, staff).ok()) {
                retryExchange(station, swapId, riderId, rider, staff);
                return false;
            }
        } finally {
            counter.unlock();
        }
        return gateway.get("swap/history", "/swap/user/" + riderId + "?page=0&size=10", rider).ok()
                & gateway.get("station/list", "/station/list", rider).ok();
    }

    /** The staff member picks a charged battery and completes the swap; answers the last step's answer. */
    private GatewayClient.Answer exchange(GatewayClient client, DemoStation station, String swapId, String riderId,
            String rider, String staff) {
        GatewayClient.Answer charged = client.get("batteries/list",
                "/batteries?station_id=" + station.id() + "&status=charged", staff);
        JsonNode batteries = charged.body().isArray() ? charged.body() : charged.body().path("items");
        if (!charged.ok() || batteries.isEmpty()) {
            return charged.ok() ? new GatewayClient.Answer(409, charged.body()) : charged;
        }
        String newBattery = batteries.get(0).path("battery_id").asText();
        String oldBattery = batteryInHand.computeIfAbsent(riderId, id -> currentBattery(client, id, rider));
        GatewayClient.Answer complete = client.post("swap/complete", "/swap/complete", staff, Map.of(
                "swap_id", swapId,
                "old_battery_id", oldBattery,
                "new_battery_id", newBattery,
                "old_battery_soh", 82,
                "faulty", false,
                "swap_duration_seconds", 170));
        if (complete.ok()) {
            batteryInHand.put(riderId, newBattery);
        }
        return complete;
    }

    /** After a failed completion the staff member tries again, so the rider's reservation ends. */
    private void retryExchange(DemoStation station, String swapId, String riderId, String rider, String staff) {
        GatewayClient.Answer last = null;
        for (int attempt = 1; attempt <= COMPLETION_RETRIES; attempt++) {
            GatewayClient.pause(RETRY_PAUSE);
            last = exchange(settling, station, swapId, riderId, rider, staff);
            if (last.ok()) {
                return;
            }
        }
        System.err.printf("swap %s of %s could not be completed (%d %s); that rider's later journeys will fail%n",
                swapId, riderId, last.status(), last.body());
    }

    /** The rider gives up the reservation of a failed journey; answers {@code false}, the journey's outcome. */
    private boolean cancel(String queueId, String rider) {
        if (!settling.post("queue/cancel", "/queue/" + queueId + "/cancel", rider, null).ok()) {
            System.err.printf("reservation %s could not be cancelled; that rider's later journeys will fail%n", queueId);
        }
        return false;
    }

    /** The battery a rider holds: from its newest completed swap, or the one the seed gave it. */
    private static String currentBattery(GatewayClient client, String riderId, String riderToken) {
        GatewayClient.Answer history = client.get("swap/history", "/swap/user/" + riderId + "?page=0&size=20",
                riderToken);
        for (JsonNode swap : history.body().path("items")) {
            if ("completed".equals(swap.path("status").asText())) {
                return swap.path("new_battery_id").asText();
            }
        }
        return SeedCatalog.riderBatteryId(riderId);
    }

    private static double north(double latitude, int meters) {
        return latitude + meters / METERS_PER_DEGREE_LAT;
    }
}
