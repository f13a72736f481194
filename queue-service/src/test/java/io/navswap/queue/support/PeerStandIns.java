package io.navswap.queue.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.List;

/**
 * Stand-ins for the peers queue-service calls (station-service, staff-service, swap-service, ai-service),
 * served by a small Vert.x HTTP server on a free port. Registered globally through META-INF/services; the
 * {@code %test} client URLs point at {@code navswap.test.peers-url}. Behaviour follows the contracts in
 * HELPERS.md; tests steer the stateful parts (duty roster, outages, recorded swap starts) over HTTP under
 * {@code /__stub}, which keeps them independent of class loaders.
 *
 * <p>Stations: any id answers as an active station at Connaught Place (28.6315, 77.2167) with 10 charged
 * batteries (best SOH 96) unless the id contains MISSING (404), INACTIVE, NOBATT (no charged battery),
 * LOWSOH (best SOH 80) or DOWN (HTTP 500). The arrival model speaks ai-service's real shapes: it refuses
 * (400 {@code validation-failed}) a request without {@code station_id}/{@code city} or with a field ai-service
 * does not define (stricter than ai-service, so a guessed name fails here), answers ai-service's fallback
 * (5 min, {@code source: fallback}) when {@code recent_arrivals_per_hour} is missing or the station id contains
 * AIFALLBACK, otherwise 4 minutes from "the model" ({@code source: onnx}), after 2 s when the station id contains
 * SLOWAI. {@code GET /__stub/arrival-request/:station} shows the last request for a station.
 */
public class PeerStandIns implements QuarkusTestResourceLifecycleManager {
    public static final double STATION_LATITUDE = 28.6315;
    public static final double STATION_LONGITUDE = 77.2167;
    public static final double PREDICTED_MINUTES = 4.0;

    private Vertx vertx;
    private final Map<String, Boolean> duty = new ConcurrentHashMap<>();
    private final Set<String> staffDown = ConcurrentHashMap.newKeySet();
    private final List<JsonObject> swapStarts = new CopyOnWriteArrayList<>();
    private final Map<String, JsonObject> arrivalRequests = new ConcurrentHashMap<>();
    private static final Set<String> ARRIVAL_FIELDS = Set.of("station_id", "city", "hour", "day_of_week",
            "recent_arrivals_per_hour", "approaching_reservations", "queue_length");
    private volatile boolean swapDown;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.get("/station/:id").handler(this::station);
        router.get("/staff/on-duty").handler(this::onDuty);
        router.put("/swap/:id/start").handler(this::swapStart);
        router.post("/ai/predict-arrival").handler(this::arrival);
        router.post("/__stub/duty").handler(rc -> {
            JsonObject body = rc.body().asJsonObject();
            duty.put(body.getString("station_id") + "|" + body.getString("staff_id"), body.getBoolean("on_duty"));
            rc.response().setStatusCode(204).end();
        });
        router.post("/__stub/staff-down").handler(rc -> {
            JsonObject body = rc.body().asJsonObject();
            if (body.getBoolean("down")) {
                staffDown.add(body.getString("staff_id"));
            } else {
                staffDown.remove(body.getString("staff_id"));
            }
            rc.response().setStatusCode(204).end();
        });
        router.post("/__stub/swap-down").handler(rc -> {
            swapDown = rc.body().asJsonObject().getBoolean("down");
            rc.response().setStatusCode(204).end();
        });
        router.get("/__stub/swap-starts").handler(rc -> json(rc, 200, new JsonArray(List.copyOf(swapStarts))));
        router.get("/__stub/arrival-request/:station").handler(rc -> {
            JsonObject last = arrivalRequests.get(rc.pathParam("station"));
            json(rc, last == null ? 404 : 200, last == null ? new JsonObject() : last);
        });
        HttpServer server;
        try {
            server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Stand-in peers did not start", e);
        }
        return Map.of("navswap.test.peers-url", "http://127.0.0.1:" + server.actualPort());
    }

    private void station(RoutingContext rc) {
        String id = rc.pathParam("id");
        if (id.contains("MISSING")) {
            problem(rc, 404, "not-found", "Station " + id + " does not exist");
            return;
        }
        if (id.contains("DOWN")) {
            problem(rc, 500, "internal-error", "stand-in outage");
            return;
        }
        boolean noBattery = id.contains("NOBATT");
        json(rc, 200, new JsonObject()
                .put("station_id", id)
                .put("name", "Stand-in " + id)
                .put("city", "Delhi")
                .put("latitude", STATION_LATITUDE)
                .put("longitude", STATION_LONGITUDE)
                .put("capacity", 30)
                .put("active", !id.contains("INACTIVE"))
                .put("charged_available", noBattery ? 0 : 10)
                .put("best_charged_soh", noBattery ? null : id.contains("LOWSOH") ? 80.0 : 96.0));
    }

    private void onDuty(RoutingContext rc) {
        String station = rc.queryParams().get("station_id");
        String staff = rc.queryParams().get("staff_id");
        if (rc.request().getHeader("Authorization") == null) {
            problem(rc, 401, "unauthorized", "no token");
            return;
        }
        if (staffDown.contains(staff)) {
            problem(rc, 503, "unavailable", "stand-in outage");
            return;
        }
        json(rc, 200, new JsonObject().put("station_id", station).put("staff_id", staff)
                .put("on_duty", duty.getOrDefault(station + "|" + staff, false)));
    }

    private void swapStart(RoutingContext rc) {
        if (swapDown) {
            problem(rc, 503, "unavailable", "stand-in outage");
            return;
        }
        JsonObject body = rc.body().asJsonObject().copy()
                .put("swap_id", rc.pathParam("id"))
                .put("authorization", rc.request().getHeader("Authorization"));
        swapStarts.add(body);
        json(rc, 200, new JsonObject().put("swap_id", rc.pathParam("id")).put("status", "started"));
    }

    private void arrival(RoutingContext rc) {
        JsonObject query = rc.body().asJsonObject();
        String station = query.getString("station_id", "");
        arrivalRequests.put(station, query);
        JsonArray errors = new JsonArray();
        query.fieldNames().stream().filter(f -> !ARRIVAL_FIELDS.contains(f))
                .forEach(f -> errors.add(new JsonObject().put("field", f).put("message", "not an ai-service field")));
        for (String required : List.of("station_id", "city")) {
            if (!(query.getValue(required) instanceof String value) || value.isBlank()) {
                errors.add(new JsonObject().put("field", required).put("message", "must not be blank"));
            }
        }
        Object hour = query.getValue("hour");
        if (hour != null && (!(hour instanceof Integer h) || h < 0 || h > 23)) {
            errors.add(new JsonObject().put("field", "hour").put("message", "must be 0..23"));
        }
        if (!errors.isEmpty()) {
            rc.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "https://navswap.io/problems/validation-failed")
                            .put("status", 400).put("errors", errors).toString());
            return;
        }
        boolean model = query.getValue("recent_arrivals_per_hour") != null && !station.contains("AIFALLBACK");
        JsonObject answer = new JsonObject().put("station_id", station)
                .put("minutes_to_next_customer", model ? PREDICTED_MINUTES : 5.0).put("model", "arrival")
                .put("source", model ? "onnx" : "fallback").put("model_version", model ? "1.0.0" : "heuristic-v1");
        if (!model) {
            answer.put("fallback_reason", "missing feature recent_arrivals_per_hour");
        }
        answer.put("cached", false);
        if (station.contains("SLOWAI")) {
            vertx.setTimer(2_000, t -> json(rc, 200, answer));
        } else {
            json(rc, 200, answer);
        }
    }

    private static void json(RoutingContext rc, int status, Object body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }

    private static void problem(RoutingContext rc, int status, String slug, String detail) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "https://navswap.io/problems/" + slug).put("status", status)
                        .put("detail", detail).toString());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
