package io.navswap.logistics.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 * heuristic below 20 %). Answers have ai-service's shapes.
 */
public class StandInServers implements QuarkusTestResourceLifecycleManager {
    private static Vertx vertx;
    private static String url;

    private final Map<String, JsonObject> stations = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> shops = new ConcurrentHashMap<>();
    private final AtomicBoolean aiUp = new AtomicBoolean(true);
    private final AtomicBoolean stationUp = new AtomicBoolean(true);
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public synchronized Map<String, String> start() {
        if (vertx == null) {
            vertx = Vertx.vertx();
            Router router = routes();
            HttpServer server = vertx.createHttpServer().requestHandler(router);
            try {
                server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("stand-in server did not start", e);
            }
            url = "http://127.0.0.1:" + server.actualPort();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close(), "stand-in-stop"));
        }
        return Map.of("quarkus.rest-client.station.url", url, "quarkus.rest-client.ai.url", url,
                "navswap.test.stand-in-url", url);
    }

    @Override
    public void stop() {
        // Kept for the whole JVM, like the embedded backends.
    }

    private Router routes() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());

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
            int capacity = in.getInteger("capacity");
            int charged = in.getInteger("charged");
            boolean reorder = charged < capacity * 0.30;
            int quantity = reorder ? (int) Math.ceil(capacity * 0.5) - charged : 0;
            json(rc, 200, new JsonObject().put("station_id", in.getString("station_id")).put("order_quantity", quantity)
                    .put("urgency", reorder ? "high" : "none").put("source", "onnx").put("model_version", "test-1")
                    .encode());
        });
        router.post("/ai/predict-rebalancing").handler(rc -> {
            if (aiDown(rc, "rebalancing")) {
                return;
            }
            // The emptiest station receives from the nearest station above 60 % of capacity.
            List<JsonObject> stations = rc.body().asJsonObject().getJsonArray("stations").stream()
                    .map(JsonObject.class::cast).toList();
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
            json(rc, 200, new JsonObject().put("moves", moves).put("batteries_moved", moves.size())
                    .put("source", "onnx").put("model_version", "test-1").encode());
        });
        router.post("/ai/predict-partner-allocation").handler(rc -> {
            if (aiDown(rc, "partner-allocation")) {
                return;
            }
            // The shop with the most free slots takes what it can.
            JsonObject in = rc.body().asJsonObject();
            int count = in.getInteger("battery_count");
            JsonArray assignments = new JsonArray();
            in.getJsonArray("shops").stream().map(JsonObject.class::cast)
                    .filter(s -> s.getInteger("free_slots") > 0)
                    .max(Comparator.comparingInt(s -> s.getInteger("free_slots")))
                    .ifPresent(s -> assignments.add(new JsonObject().put("shop_id", s.getString("shop_id"))
                            .put("count", Math.min(count, s.getInteger("free_slots"))).put("distance_km", 1.0)));
            json(rc, 200, new JsonObject().put("station_id", in.getString("station_id"))
                    .put("assignments", assignments).put("unassigned", 0).put("source", "onnx")
                    .put("model_version", "test-1").encode());
        });
        return router;
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

    private static void json(RoutingContext rc, int status, String body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
