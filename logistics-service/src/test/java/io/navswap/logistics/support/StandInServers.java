package io.navswap.logistics.support;

import static io.navswap.embedded.StandInServer.json;

import io.navswap.embedded.StandInServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for station-service and ai-service: one small Vert.x HTTP server on a free port, started once per
 * test JVM, whose URL becomes {@code quarkus.rest-client.station.url} and {@code quarkus.rest-client.ai.url}.
 * Tests steer it over HTTP ({@code /__control/*}), so no state is shared across class loaders.
 * <p>
 * Its "models" choose differently from the SPEC heuristics, so a test can tell who decided: rebalancing
 * picks the <em>nearest</em> surplus station (the heuristic picks the fullest), partner allocation the shop with
 * the <em>most</em> free slots (the heuristic picks the nearest), stock order reorders below 30 % of capacity (the
 * heuristic below 20 %). Requests and answers have ai-service's real shapes (its README): a request without a
 * required field, or with a field ai-service does not define, is refused with 400 {@code validation-failed}
 * (stricter than ai-service, which ignores unknown fields, so a guessed name fails here); a token without the
 * {@code service} role is refused with 403 (logistics calls from its Kafka consumer, with its service token); a
 * partner-allocation request without every shop's {@code handling_minutes_per_battery} gets ai-service's
 * fallback answer (nearest shop, {@code source: fallback}).
 */
public class StandInServers implements QuarkusTestResourceLifecycleManager {
    private static StandInServer server;

    private final Map<String, JsonObject> stations = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> shops = new ConcurrentHashMap<>();
    private final AtomicBoolean aiUp = new AtomicBoolean(true);
    private final AtomicBoolean stationUp = new AtomicBoolean(true);
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = StandInServer.start("logistics-stand-ins", this::routes);
        }
        String url = server.url();
        return Map.of("quarkus.rest-client.station.url", url, "quarkus.rest-client.ai.url", url,
                "navswap.test.stand-in-url", url);
    }

    @Override
    public void stop() {
        // Kept for the whole JVM, like the embedded backends.
    }

    private void routes(Router router) {
        router.put("/__control/station/:id").handler(rc -> {
            stations.put(rc.pathParam("id"), rc.body().asJsonObject().put("station_id", rc.pathParam("id")));
            rc.response().setStatusCode(204).end();
        });
        router.put("/__control/shop/:id").handler(rc -> {
            shops.put(rc.pathParam("id"), rc.body().asJsonObject().put("partner_shop_id", rc.pathParam("id")));
            rc.response().setStatusCode(204).end();
        });
        router.put("/__control/ai").handler(rc -> {
            aiUp.set(rc.body().asJsonObject().getBoolean("up"));
            rc.response().setStatusCode(204).end();
        });
        router.put("/__control/station-service").handler(rc -> {
            stationUp.set(rc.body().asJsonObject().getBoolean("up"));
            rc.response().setStatusCode(204).end();
        });
        router.get("/__control/calls").handler(rc -> {
            JsonObject counts = new JsonObject();
            calls.forEach((k, v) -> counts.put(k, v.get()));
            json(rc, 200, counts.encode());
        });

        router.get("/station/:id").handler(rc -> {
            if (stationDown(rc)) {
                return;
            }
            count("station");
            JsonObject station = stations.get(rc.pathParam("id"));
            if (station == null) {
                json(rc, 404, new JsonObject().put("type", "https://navswap.io/problems/not-found").encode());
            } else {
                json(rc, 200, station.encode());
            }
        });
        router.get("/partner-shops").handler(rc -> {
            if (stationDown(rc)) {
                return;
            }
            count("partner-shops");
            json(rc, 200, new JsonArray(shops.values().stream().toList()).encode());
        });
        router.get("/batteries").handler(rc -> {
            if (stationDown(rc)) {
                return;
            }
            count("batteries");
            String place = rc.request().getParam("station_id");
            if (place == null) {
                json(rc, 400, "{}");
                return;
            }
            int limit = Integer.parseInt(Optional.ofNullable(rc.request().getParam("limit")).orElse("5"));
            JsonArray batteries = new JsonArray();
            for (int k = 1; k <= limit; k++) {
                batteries.add(new JsonObject().put("battery_id", place + "-BAT-" + k)
                        .put("status", rc.request().getParam("status")).put("soh", 99.0 - k));
            }
            json(rc, 200, batteries.encode());
        });

        router.post("/ai/predict-stock-order").handler(rc -> {
            if (aiDown(rc, "stock-order")) {
                return;
            }
            JsonObject in = rc.body().asJsonObject();
            if (StandInServer.refuseInvalidAiRequest(rc, in, Set.of("station_id", "capacity", "charged", "charging", "predicted_load_per_hour",
                    "lead_time_hours", "hour"), List.of("station_id", "capacity", "charged"))) {
                return;
            }
            int capacity = in.getInteger("capacity");
            int charged = in.getInteger("charged");
            boolean reorder = charged < capacity * 0.30;
            int quantity = reorder ? (int) Math.ceil(capacity * 0.5) - charged : 0;
            json(rc, 200, new JsonObject().put("station_id", in.getString("station_id")).put("order_quantity", quantity)
                    .put("urgency", reorder ? "high" : "none").put("hours_of_cover", 2.0).put("model", "stock-order")
                    .put("source", "onnx").put("model_version", "test-1").put("cached", false).encode());
        });
        router.post("/ai/predict-rebalancing").handler(rc -> {
            if (aiDown(rc, "rebalancing")) {
                return;
            }
            // The emptiest station receives from the nearest station above 60 % of capacity.
            JsonObject in = rc.body().asJsonObject();
            if (StandInServer.refuseInvalidAiRequest(rc, in, Set.of("stations", "horizon_hours", "hour"), List.of("stations"))) {
                return;
            }
            List<JsonObject> stations = in.getJsonArray("stations").stream().map(JsonObject.class::cast).toList();
            for (JsonObject station : stations) {
                if (StandInServer.refuseInvalidAiRequest(rc, station, Set.of("station_id", "capacity", "charged", "charging",
                        "predicted_load_per_hour", "latitude", "longitude"), List.of("station_id", "capacity", "charged"))) {
                    return;
                }
            }
            JsonObject target = stations.stream().min(Comparator.comparingDouble(StandInServers::share)).orElseThrow();
            JsonArray moves = new JsonArray();
            stations.stream().filter(s -> s != target && share(s) > 0.6)
                    .min(Comparator.comparingDouble(s -> degrees(s, target)))
                    .ifPresent(s -> {
                        int give = s.getInteger("charged") - (int) Math.ceil(s.getInteger("capacity") * 0.5);
                        int take = (int) Math.ceil(target.getInteger("capacity") * 0.5) - target.getInteger("charged");
                        moves.add(new JsonObject().put("from", s.getString("station_id"))
                                .put("to", target.getString("station_id")).put("count", Math.min(give, take))
                                .put("distance_km", 1.0));
                    });
            JsonArray targets = new JsonArray();
            stations.forEach(st -> targets.add(new JsonObject().put("station_id", st.getString("station_id"))
                    .put("charged", st.getInteger("charged")).put("target_charged", st.getInteger("charged"))));
            json(rc, 200, new JsonObject().put("moves", moves)
                    .put("batteries_moved", moves.stream().mapToInt(m -> ((JsonObject) m).getInteger("count")).sum())
                    .put("stations", targets).put("model", "rebalancing").put("source", "onnx")
                    .put("model_version", "test-1").put("cached", false).encode());
        });
        router.post("/ai/predict-partner-allocation").handler(rc -> {
            if (aiDown(rc, "partner-allocation")) {
                return;
            }
            // The shop with the most free slots takes what it can (ai-service's fallback: the nearest one).
            JsonObject in = rc.body().asJsonObject();
            if (StandInServer.refuseInvalidAiRequest(rc, in, Set.of("station_id", "latitude", "longitude", "battery_count", "hour", "shops"),
                    List.of("station_id", "latitude", "longitude", "battery_count", "shops"))) {
                return;
            }
            List<JsonObject> shopsIn = in.getJsonArray("shops").stream().map(JsonObject.class::cast).toList();
            for (JsonObject shop : shopsIn) {
                if (StandInServer.refuseInvalidAiRequest(rc, shop, Set.of("shop_id", "latitude", "longitude", "free_slots", "capacity",
                        "handling_minutes_per_battery"), List.of("shop_id", "latitude", "longitude", "free_slots",
                                "capacity"))) {
                    return;
                }
            }
            boolean model = shopsIn.stream().allMatch(shop -> shop.getValue("handling_minutes_per_battery") != null);
            int count = in.getInteger("battery_count");
            JsonArray assignments = new JsonArray();
            Comparator<JsonObject> choice = model
                    ? Comparator.comparingInt((JsonObject s) -> -s.getInteger("free_slots"))
                    : Comparator.comparingDouble((JsonObject s) -> degrees(s, in));
            shopsIn.stream().filter(s -> s.getInteger("free_slots") > 0).min(choice)
                    .ifPresent(s -> assignments.add(new JsonObject().put("shop_id", s.getString("shop_id"))
                            .put("count", Math.min(count, s.getInteger("free_slots"))).put("distance_km", 1.0)
                            .put("estimated_turnaround_minutes", model ? 42.0 : null)));
            JsonObject answer = new JsonObject().put("station_id", in.getString("station_id"))
                    .put("assignments", assignments).put("unassigned", 0).put("model", "partner-allocation")
                    .put("source", model ? "onnx" : "fallback").put("model_version", model ? "test-1" : "heuristic-v1");
            if (!model) {
                answer.put("fallback_reason", "missing feature handling_minutes_per_battery");
            }
            json(rc, 200, answer.put("cached", false).encode());
        });
    }

    private static double share(JsonObject station) {
        return station.getInteger("charged") / (double) station.getInteger("capacity");
    }

    private static double degrees(JsonObject a, JsonObject b) {
        return Math.hypot(a.getDouble("latitude") - b.getDouble("latitude"),
                a.getDouble("longitude") - b.getDouble("longitude"));
    }

    private boolean aiDown(RoutingContext rc, String endpoint) {
        count(endpoint);
        if (!"Bearer".equals(bearerScheme(rc))) {
            json(rc, 401, "{}");
            return true;
        }
        if (!StandInServer.claims(rc.request().getHeader("Authorization")).getJsonArray("groups", new JsonArray())
                .contains("service")) {
            json(rc, 403, "{}");
            return true;
        }
        if (!aiUp.get()) {
            json(rc, 503, new JsonObject().put("type", "https://navswap.io/problems/unavailable").encode());
            return true;
        }
        return false;
    }

    private boolean stationDown(RoutingContext rc) {
        if (!"Bearer".equals(bearerScheme(rc))) {
            json(rc, 401, "{}");
            return true;
        }
        if (!stationUp.get()) {
            json(rc, 503, "{}");
            return true;
        }
        return false;
    }

    private static String bearerScheme(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        return header == null || header.length() < 7 ? null : header.substring(0, 6);
    }

    private void count(String endpoint) {
        calls.computeIfAbsent(endpoint, k -> new AtomicInteger()).incrementAndGet();
    }
}
