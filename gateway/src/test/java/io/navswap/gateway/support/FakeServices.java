package io.navswap.gateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plays swap-service, logistics-service and staff-service for the dashboard tests (the %test profile routes
 * the three to this one port), and gives {@link FakeUpstream} the station-service figures. Serves fixed
 * figures, records what each path received, and can stall a path or make it fail. Its readiness probe and
 * API document answer 503, so health and docs still see these services as down.
 */
public final class FakeServices {
    private static FakeServices instance;

    private static final Set<String> STALLED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Integer> FAILING = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, String>> HEADERS = new ConcurrentHashMap<>();
    private static final Map<String, String> URIS = new ConcurrentHashMap<>();

    private final Vertx vertx = Vertx.vertx();

    private FakeServices() {
    }

    /** Starts the server once per JVM (and the station-service fake, which serves the station figures). */
    public static synchronized void start() {
        FakeUpstream.start();
        if (instance == null) {
            FakeServices fake = new FakeServices();
            int port = ConfigProvider.getConfig().getValue("navswap.test.fake-services-port", Integer.class);
            try {
                fake.vertx.createHttpServer().requestHandler(FakeServices::handle).listen(port, "127.0.0.1")
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Fake services could not listen on " + port, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(fake.vertx::close));
            instance = fake;
        }
    }

    /** Back to normal: nothing stalled, nothing failing, nothing recorded. */
    public static void reset() {
        STALLED.clear();
        FAILING.clear();
        HEADERS.clear();
        URIS.clear();
    }

    /** {@code path} never answers (until {@link #reset()}). */
    public static void stall(String path) {
        STALLED.add(path);
    }

    /** {@code path} answers {@code status} with a problem. */
    public static void fail(String path, int status) {
        FAILING.put(path, status);
    }

    /** The headers (lower-case names) of the last request to {@code path}. */
    public static Map<String, String> lastHeaders(String path) {
        return HEADERS.getOrDefault(path, Map.of());
    }

    /** The URI (path and query) of the last request to {@code path}. */
    public static String lastUri(String path) {
        return URIS.get(path);
    }

    /** True for the station-service figures this class serves on {@link FakeUpstream}'s port. */
    static boolean servesStation(String path) {
        return path.equals("/station/list") || path.equals("/batteries/stats") || path.equals("/partner-shops");
    }

    static void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q/health/ready") || path.equals("/q/openapi")) {
            json(request, 503, new JsonObject().put("status", "DOWN"));
            return;
        }
        Map<String, String> headers = new TreeMap<>();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
        HEADERS.put(path, headers);
        URIS.put(path, request.uri());
        if (STALLED.contains(path)) {
            return;
        }
        Integer failing = FAILING.get(path);
        if (failing != null) {
            request.response().setStatusCode(failing).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "https://navswap.io/problems/test-failure")
                            .put("status", failing).encode());
            return;
        }
        JsonObject body = switch (path) {
            case "/swap/stats" -> swapStats(Integer.parseInt(request.getParam("hours", "24")));
            case "/transport/summary" -> transportSummary();
            case "/transport/overview" -> transportOverview();
            case "/staff/stats" -> staffStats();
            case "/batteries/stats" -> batteryStats();
            default -> null;
        };
        if (body != null) {
            json(request, 200, body);
        } else if (path.equals("/station/list")) {
            request.response().putHeader("Content-Type", "application/json").end(stationList().encode());
        } else if (path.equals("/partner-shops")) {
            request.response().putHeader("Content-Type", "application/json").end(partnerShops().encode());
        } else {
            json(request, 404, new JsonObject().put("type", "https://navswap.io/problems/not-found"));
        }
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    // ---- the figures ----------------------------------------------------------------------------------------

    /** Two swaps completed every hour of the window: one at each station. */
    static JsonObject swapStats(int hours) {
        JsonArray perHour = new JsonArray();
        for (int i = 0; i < hours; i++) {
            perHour.add(new JsonObject().put("hour_start", "2026-03-01T" + String.format("%02d", i % 24) + ":00:00Z")
                    .put("completed", 2));
        }
        return new JsonObject().put("as_of", "2026-03-01T10:30:00Z").put("active_swaps", 3).put("completed_today", 12)
                .put("window_hours", hours).put("window_starts_at", "2026-03-01T00:00:00Z")
                .put("completed_in_window", 2 * hours).put("swaps_per_hour", perHour)
                .put("stations", new JsonArray()
                        .add(new JsonObject().put("station_id", "ST-DEL-001").put("active_swaps", 2)
                                .put("completed_in_window", hours))
                        .add(new JsonObject().put("station_id", "ST-MUM-001").put("active_swaps", 1)
                                .put("completed_in_window", hours)));
    }

    static JsonObject transportSummary() {
        return new JsonObject().put("jobs_by_status", new JsonObject().put("open", 2).put("accepted", 1)
                        .put("picked_up", 1).put("delivered", 7).put("cancelled", 0).put("expired", 0))
                .put("active_transporters", 2).put("credits_issued_today", 135.5);
    }

    static JsonObject transportOverview() {
        JsonObject job = new JsonObject().put("job_id", "JOB-OPEN-1").put("status", "open").put("battery_count", 4);
        return new JsonObject().put("as_of", "2026-03-01T10:30:00Z").put("low_stock_ratio", 0.2)
                .put("shortages", new JsonArray().add(new JsonObject().put("station_id", "ST-MUM-001").put("charged", 1)
                        .put("capacity", 10).put("threshold", 2.0).put("job", job)))
                .put("live_jobs", new JsonObject().put("open", new JsonArray().add(job))
                        .put("accepted", new JsonArray()).put("picked_up", new JsonArray()))
                .put("recent_deliveries", new JsonArray().add(new JsonObject().put("job_id", "JOB-DONE-1")
                        .put("status", "delivered").put("delivered_at", "2026-03-01T09:00:00Z")))
                .put("delivered_today", 3);
    }

    static JsonObject staffStats() {
        return new JsonObject().put("as_of", "2026-03-01T10:30:00Z").put("staff_on_duty", 5).put("open_faults", 4)
                .put("faults", new JsonObject().put("open", 4).put("recorded", 1).put("diagnosed", 1)
                        .put("on_active_tickets", 2).put("recorded_last_30_days", 6))
                .put("tickets", new JsonObject().put("active", 1).put("sla_breached", 0))
                .put("stations", new JsonArray()
                        .add(new JsonObject().put("station_id", "ST-DEL-001").put("staff_on_duty", 3)
                                .put("faults_last_30_days", 2).put("active_tickets", 1))
                        .add(new JsonObject().put("station_id", "ST-MUM-001").put("staff_on_duty", 2)
                                .put("faults_last_30_days", 0).put("active_tickets", 0)));
    }

    static JsonObject batteryStats() {
        return new JsonObject().put("as_of", "2026-03-01T10:30:00Z").put("total", 40)
                .put("by_status", new JsonObject().put("charged", 11).put("charging", 11).put("in_use", 12)
                        .put("quarantined", 3).put("in_transit", 0).put("at_partner", 3))
                .put("avg_soh", 85.2)
                .put("stations", new JsonArray()
                        .add(new JsonObject().put("station_id", "ST-DEL-001").put("batteries", 17).put("avg_soh", 88.1))
                        .add(new JsonObject().put("station_id", "ST-MUM-001").put("batteries", 8).put("avg_soh", 79.5)));
    }

    static JsonArray stationList() {
        return new JsonArray()
                .add(new JsonObject().put("station_id", "ST-DEL-001").put("name", "Connaught Place").put("city", "Delhi")
                        .put("capacity", 20).put("active", true).put("charged_available", 10).put("total_batteries", 17)
                        .put("inventory", new JsonObject().put("charged", 10).put("charging", 5).put("in_use", 0)
                                .put("quarantined", 2).put("in_transit", 0).put("at_partner", 0)))
                .add(new JsonObject().put("station_id", "ST-MUM-001").put("name", "Bandra").put("city", "Mumbai")
                        .put("capacity", 10).put("active", true).put("charged_available", 1).put("total_batteries", 8)
                        .put("inventory", new JsonObject().put("charged", 1).put("charging", 6).put("in_use", 0)
                                .put("quarantined", 1).put("in_transit", 0).put("at_partner", 0)));
    }

    static JsonArray partnerShops() {
        return new JsonArray()
                .add(new JsonObject().put("partner_shop_id", "PS-DEL-001").put("name", "Delhi Depot").put("city", "Delhi")
                        .put("capacity", 10).put("stock", new JsonObject().put("at_partner", 6).put("quarantined", 1))
                        .put("stock_total", 7).put("free_slots", 3))
                .add(new JsonObject().put("partner_shop_id", "PS-MUM-001").put("name", "Mumbai Depot").put("city", "Mumbai")
                        .put("capacity", 8).put("stock", new JsonObject().put("at_partner", 2).put("quarantined", 0))
                        .put("stock_total", 2).put("free_slots", 6));
    }
}
