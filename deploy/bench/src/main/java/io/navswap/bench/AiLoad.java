package io.navswap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.shared.seed.SeedCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code ai [requests-per-endpoint] [per-second]}: each of ai-service's 13 prediction endpoints through the
 * gateway, round robin, at a fixed total start rate (open loop: a slow answer does not delay the next request).
 * Bodies are valid (ai-service README shapes) and carry a fresh station/battery id per request, so every request
 * misses ai-service's Redis cache and runs its model. Requests rotate over the 50 demo riders, so each user stays
 * far below the gateway's per-user limit (10 requests/s, burst 20): up to ~400 requests/s in total. For more,
 * start the suite with {@code NAVSWAP_RATE_LIMIT_RATE}/{@code NAVSWAP_RATE_LIMIT_BURST} raised (gateway README).
 */
final class AiLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayClient gateway;
    private final List<String> riderTokens;
    private final Map<String, Integer> sources = new TreeMap<>();

    AiLoad(GatewayClient gateway, List<String> riderTokens) {
        this.gateway = gateway;
        this.riderTokens = riderTokens;
    }

    /** Logs the 50 demo riders in through {@code logins} (not the measured client). */
    static List<String> riderTokens(GatewayClient logins) {
        List<String> tokens = new ArrayList<>();
        for (int n = 1; n <= SeedCatalog.CONSUMERS; n++) {
            tokens.add(logins.token(String.format(Locale.ROOT, "rider%02d@navswap.dev", n), SeedCatalog.CONSUMER_PASSWORD));
        }
        return tokens;
    }

    /** Runs {@code perEndpoint} requests to each endpoint at {@code perSecond} requests/s in total. */
    void run(int perEndpoint, double perSecond) throws Exception {
        List<String> endpoints = List.copyOf(BODIES.keySet());
        int total = perEndpoint * endpoints.size();
        ExecutorService workers = Executors.newCachedThreadPool();
        List<Future<?>> calls = new ArrayList<>();
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long wait = start + n * intervalNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String endpoint = endpoints.get(n % endpoints.size());
            String token = riderTokens.get(n % riderTokens.size());
            JsonNode body = body(endpoint, n);
            calls.add(workers.submit(() -> {
                GatewayClient.Answer answer = gateway.post("ai/" + endpoint, "/ai/" + endpoint, token, body);
                count(answer.ok() ? answer.body().path("source").asText("none") : "http-" + answer.status());
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        workers.shutdown();
        System.out.printf(Locale.ROOT, "ai: %d requests (%d per endpoint) in %.1f s = %.1f requests/s (target %.1f/s);"
                + " answers by source: %s%n", total, perEndpoint, seconds, total / seconds, perSecond, sources);
    }

    private synchronized void count(String source) {
        sources.merge(source, 1, Integer::sum);
    }

    private static JsonNode body(String endpoint, int n) {
        try {
            return JSON.readTree(BODIES.get(endpoint).replace("%ID%", String.format(Locale.ROOT, "BENCH-%s-%06d",
                    Long.toString(System.currentTimeMillis(), 36), n)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid body per endpoint; {@code %ID%} becomes a fresh id, so no request is answered from the cache. */
    private static final Map<String, String> BODIES = new LinkedHashMap<>();

    static {
        BODIES.put("predict-load", """
                {"station_id":"%ID%","city":"Delhi","capacity":30,"hour":18,"day_of_week":2,"recent_swaps_per_hour":11}""");
        BODIES.put("predict-fault", """
                {"battery_id":"%ID%","soh":72.5,"cycles":1800,"temperature_c":44,"recent_faults":1}""");
        BODIES.put("predict-action", """
                {"station_id":"%ID%","queue_length":14,"charged_available":20,"capacity":24,"staff_on_duty":1,
                 "predicted_load_per_hour":16,"open_faults":0}""");
        BODIES.put("forecast-traffic", """
                {"station_id":"%ID%","city":"Mumbai","capacity":24,"historical_average_per_hour":7.5,"start_hour":6,
                 "day_of_week":1,"hours":24}""");
        BODIES.put("predict-micro-traffic", """
                {"geohashes":["ttnfv2u","ttnfv2v","ttng0h0","tdr1v9q"],"hour":9,"day_of_week":3,"tag":"%ID%"}""");
        BODIES.put("predict-arrival", """
                {"station_id":"%ID%","city":"Bangalore","hour":9,"day_of_week":2,"recent_arrivals_per_hour":10,
                 "approaching_reservations":0,"queue_length":2}""");
        BODIES.put("predict-battery-trend", """
                {"battery_id":"%ID%","soh":84,"cycles":1500,"avg_temperature_c":38,"fast_charge_share":0.6,
                 "avg_depth_of_discharge":0.8}""");
        BODIES.put("predict-rebalancing", """
                {"horizon_hours":4,"hour":17,"stations":[
                 {"station_id":"%ID%-A","capacity":30,"charged":27,"charging":0,"predicted_load_per_hour":3,"latitude":28.63,"longitude":77.21},
                 {"station_id":"%ID%-B","capacity":24,"charged":2,"charging":1,"predicted_load_per_hour":14,"latitude":28.65,"longitude":77.19},
                 {"station_id":"%ID%-C","capacity":20,"charged":10,"charging":2,"predicted_load_per_hour":6,"latitude":28.52,"longitude":77.20}]}""");
        BODIES.put("predict-diversion", """
                {"stations":[
                 {"station_id":"%ID%-A","staff_on_duty":5,"predicted_load_per_hour":4,"queue_length":0,"capacity":24},
                 {"station_id":"%ID%-B","staff_on_duty":1,"predicted_load_per_hour":30,"queue_length":12,"capacity":30}]}""");
        BODIES.put("predict-stock-order", """
                {"station_id":"%ID%","capacity":24,"charged":3,"charging":2,"predicted_load_per_hour":9,"lead_time_hours":3,"hour":17}""");
        BODIES.put("predict-partner-allocation", """
                {"station_id":"%ID%","latitude":28.6315,"longitude":77.2167,"battery_count":8,"hour":18,"shops":[
                 {"shop_id":"PS-1","latitude":28.64,"longitude":77.22,"free_slots":3,"capacity":30,"handling_minutes_per_battery":2},
                 {"shop_id":"PS-2","latitude":28.70,"longitude":77.10,"free_slots":25,"capacity":30,"handling_minutes_per_battery":1.5},
                 {"shop_id":"PS-3","latitude":28.55,"longitude":77.30,"free_slots":10,"capacity":12,"handling_minutes_per_battery":4}]}""");
        BODIES.put("predict-energy-stability", """
                {"station_id":"%ID%","grid_limit_kw":120,"recent_power_kw":[60,62,80,75,90,88,70,65],
                 "charging_batteries":22,"voltage_deviation_pct":1.5,"ambient_temperature_c":38}""");
        BODIES.put("predict-station-reliability", """
                {"station_id":"%ID%","charger_uptime_pct":96.5,"recent_faults":3,"avg_battery_soh":88,
                 "equipment_age_months":30,"days_since_maintenance":45,"swaps_per_day":140}""");
    }
}
