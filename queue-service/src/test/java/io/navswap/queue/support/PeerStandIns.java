package io.navswap.queue.support;

import static io.navswap.embedded.StandInServer.json;
import static io.navswap.embedded.StandInServer.problem;

import io.navswap.embedded.StandInServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

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
 * AIFALLBACK, otherwise 4 minutes from "the model" ({@code source: onnx}) — 45 minutes (a quiet hour) when the
 * station id contains QUIETAI, 0.2 minutes (a rush) with RUSHAI — after 2 s when the station id contains
 * SLOWAI. {@code GET /__stub/arrival-request/:station} shows the last request for a station.
 */
public class PeerStandIns implements QuarkusTestResourceLifecycleManager {
    public static final double STATION_LATITUDE = 28.6315;
    public static final double STATION_LONGITUDE = 77.2167;
    public static final double PREDICTED_MINUTES = 4.0;
    public static final double QUIET_HOUR_MINUTES = 45.0;
    public static final double RUSH_MINUTES = 0.2;

    private StandInServer server;
    private final Map<String, Boolean> duty = new ConcurrentHashMap<>();
    private final Set<String> staffDown = ConcurrentHashMap.newKeySet();
    private final List<JsonObject> swapStarts = new CopyOnWriteArrayList<>();
    private final Map<String, JsonObject> arrivalRequests = new ConcurrentHashMap<>();
    private static final Set<String> ARRIVAL_FIELDS = Set.of("station_id", "city", "hour", "day_of_week",
            "recent_arrivals_per_hour", "approaching_reservations", "queue_length");
    private volatile boolean swapDown;

    @Override
    public Map<String, String> start() {
        server = StandInServer.start("queue-peer-stand-ins", this::routes);
        return Map.of("navswap.test.peers-url", server.url());
    }

    private void routes(Router router) {
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
        if (StandInServer.refuseInvalidAiRequest(rc, query, ARRIVAL_FIELDS, List.of("station_id", "city"))) {
            return;
        }
        Object hour = query.getValue("hour");
        if (hour != null && (!(hour instanceof Integer h) || h < 0 || h > 23)) {
            problem(rc, 400, "validation-failed", "hour must be 0..23");
            return;
        }
        boolean model = query.getValue("recent_arrivals_per_hour") != null && !station.contains("AIFALLBACK");
        JsonObject answer = new JsonObject().put("station_id", station)
                .put("minutes_to_next_customer", !model ? 5.0 : station.contains("QUIETAI") ? QUIET_HOUR_MINUTES
                        : station.contains("RUSHAI") ? RUSH_MINUTES : PREDICTED_MINUTES)
                .put("model", "arrival")
                .put("source", model ? "onnx" : "fallback").put("model_version", model ? "1.0.0" : "heuristic-v1");
        if (!model) {
            answer.put("fallback_reason", "missing feature recent_arrivals_per_hour");
        }
        answer.put("cached", false);
        if (station.contains("SLOWAI")) {
            server.vertx().setTimer(2_000, t -> json(rc, 200, answer));
        } else {
            json(rc, 200, answer);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
