package io.navswap.staff;

import static io.navswap.embedded.StandInServer.json;
import static io.navswap.embedded.StandInServer.refuseInvalidAiRequest;

import io.navswap.embedded.StandInServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small HTTP stand-ins for station-service ({@code GET /station/list}) and ai-service ({@code /ai/*}),
 * started on a free port before the application; the REST client URLs point at them. Behaviour is chosen
 * by the request itself so tests do not interfere: a battery id with {@code -PNN-} gets fault probability
 * NN/100, one with {@code AIDOWN} gets 503, and a caller whose token subject contains {@code aidown} gets
 * 503 from the traffic and diversion models.
 *
 * <p>The ai-service stand-in speaks ai-service's real shapes (its README): a request without a required field
 * or with a field ai-service does not define is refused with 400 {@code validation-failed} (stricter than
 * ai-service, which ignores unknown fields, so a guessed name fails here), and the battery-trend model answers
 * ai-service's fallback (linear decline, {@code source: fallback}) unless all of its optional features are sent,
 * as ai-service does.
 */
public class StandIns implements QuarkusTestResourceLifecycleManager {
    public static final String MODEL_VERSION = "standin-1";
    /** Expected swaps per hour per station answered by the traffic stand-in (default 4). */
    public static final Map<String, Double> TRAFFIC = new ConcurrentHashMap<>(Map.of(
            "ST-SUG-1", 24.0, "ST-SUG-2", 3.0, "ST-SUG-3", 3.0));
    /** Last Authorization header seen per path. */
    public static final Map<String, String> LAST_AUTHORIZATION = new ConcurrentHashMap<>();

    private static final Pattern PROBABILITY = Pattern.compile("-P(\\d\\d)-");
    private static StandInServer server;

    static JsonArray stations() {
        return new JsonArray()
                .add(station("ST-SUG-1", "Testpur", 12.0000, 77.0000, 24, 10))
                .add(station("ST-SUG-2", "Testpur", 12.0100, 77.0000, 24, 0))
                .add(station("ST-SUG-3", "Testpur", 12.0200, 77.0000, 24, 0))
                .add(station("ST-FLT-A", "Faultville", 20.0000, 80.0000, 20, 1))
                .add(station("ST-FLT-B", "Faultville", 20.0200, 80.0000, 20, 1))
                .add(station("ST-FLT-C", "Faultville", 20.5000, 80.0000, 20, 1));
    }

    private static JsonObject station(String id, String city, double lat, double lon, int capacity, int queue) {
        return new JsonObject().put("station_id", id).put("name", id).put("city", city).put("latitude", lat)
                .put("longitude", lon).put("capacity", capacity).put("active", true).put("charged_available", 10)
                .put("queue_length", queue);
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = StandInServer.start("staff-stand-ins", router -> router.route().handler(StandIns::handle));
        }
        String url = server.url();
        return Map.of("quarkus.rest-client.station.url", url, "quarkus.rest-client.ai.url", url);
    }

    @Override
    public void stop() {
        // Kept for the JVM: a later application start in this JVM reuses them.
    }

    private static void handle(RoutingContext rc) {
        String path = rc.request().path();
        String authorization = rc.request().getHeader("Authorization");
        if (authorization != null) {
            LAST_AUTHORIZATION.put(path, authorization);
        }
        String subject = StandInServer.claims(authorization).getString("sub", "");
        JsonObject in = rc.body().length() <= 0 ? new JsonObject() : rc.body().asJsonObject();
        switch (path) {
            case "/station/list" -> json(rc, 200, stations().encode());
            case "/ai/predict-fault" -> {
                if (refuseInvalidAiRequest(rc, in, Set.of("battery_id", "soh", "cycles", "temperature_c", "recent_faults"),
                        List.of("soh"))) {
                    return;
                }
                String battery = in.getString("battery_id", "");
                if (battery.contains("AIDOWN")) {
                    json(rc, 503, "{}");
                    return;
                }
                Matcher m = PROBABILITY.matcher(battery);
                double p = m.find() ? Integer.parseInt(m.group(1)) / 100.0 : 0.5;
                json(rc, 200, new JsonObject().put("battery_id", battery).put("fault_probability", p)
                        .put("risk_level", p >= 0.5 ? "high" : p >= 0.2 ? "medium" : "low").put("model", "fault")
                        .put("source", "onnx").put("model_version", MODEL_VERSION).put("cached", false).encode());
            }
            case "/ai/predict-battery-trend" -> {
                if (refuseInvalidAiRequest(rc, in, Set.of("battery_id", "soh", "cycles", "avg_temperature_c",
                        "fast_charge_share", "avg_depth_of_discharge"), List.of("soh", "cycles"))) {
                    return;
                }
                if (in.getString("battery_id", "").contains("AIDOWN")) {
                    json(rc, 503, "{}");
                    return;
                }
                boolean model = in.getValue("avg_temperature_c") != null && in.getValue("fast_charge_share") != null
                        && in.getValue("avg_depth_of_discharge") != null;
                double soh = in.getDouble("soh");
                int cycles = in.getInteger("cycles");
                double slope = model ? -2.5 : cycles > 0 ? Math.min(0, (soh - 100) / cycles * 100) : -1.5;
                JsonObject answer = new JsonObject().put("battery_id", in.getString("battery_id"))
                        .put("soh_slope_per_100_cycles", slope).put("projected_soh_in_500_cycles", soh + 5 * slope)
                        .put("model", "battery-trend").put("source", model ? "onnx" : "fallback")
                        .put("model_version", model ? MODEL_VERSION : "heuristic-v1");
                if (!model) {
                    answer.put("fallback_reason", "missing feature avg_temperature_c");
                }
                json(rc, 200, answer.put("cached", false).encode());
            }
            case "/ai/forecast-traffic" -> {
                if (refuseInvalidAiRequest(rc, in, Set.of("station_id", "city", "capacity", "historical_average_per_hour",
                        "start_hour", "day_of_week", "hours", "event", "raining"),
                        List.of("station_id", "city", "capacity", "historical_average_per_hour"))) {
                    return;
                }
                if (subject.contains("aidown")) {
                    json(rc, 503, "{}");
                    return;
                }
                String station = in.getString("station_id");
                double perHour = TRAFFIC.getOrDefault(station, 4.0);
                JsonArray curve = new JsonArray();
                double total = 0;
                for (int h = 0; h < in.getInteger("hours", 24); h++) {
                    double swaps = h == 0 ? perHour : perHour / 2;
                    total += swaps;
                    curve.add(new JsonObject().put("offset", h).put("hour", (10 + h) % 24).put("day_of_week", 3)
                            .put("swaps_per_hour", swaps));
                }
                json(rc, 200, new JsonObject().put("station_id", station).put("curve", curve)
                        .put("total_swaps", total).put("peak_hour", 10).put("model", "traffic")
                        .put("source", "onnx").put("model_version", MODEL_VERSION).put("cached", false).encode());
            }
            case "/ai/predict-diversion" -> {
                if (refuseInvalidAiRequest(rc, in, Set.of("stations"), List.of("stations"))) {
                    return;
                }
                for (Object station : in.getJsonArray("stations")) {
                    if (refuseInvalidAiRequest(rc, (JsonObject) station, Set.of("station_id", "staff_on_duty",
                            "predicted_load_per_hour", "queue_length", "capacity"),
                            List.of("station_id", "staff_on_duty", "predicted_load_per_hour"))) {
                        return;
                    }
                }
                if (subject.contains("aidown")) {
                    json(rc, 503, "{}");
                    return;
                }
                json(rc, 200, diversionModel(in).encode());
            }
            default -> json(rc, 404, "{}");
        }
    }

    /** A toy "model": among the Testpur stations (ST-SUG-*), two people from the calmest to the busiest one. */
    private static JsonObject diversionModel(JsonObject in) {
        JsonObject busiest = null;
        JsonObject calmest = null;
        for (Object o : in.getJsonArray("stations", new JsonArray())) {
            JsonObject s = ((JsonObject) o).copy();
            if (!s.getString("station_id").startsWith("ST-SUG-")) {
                continue;
            }
            double ratio = s.getInteger("staff_on_duty") == 0 ? Double.MAX_VALUE
                    : s.getDouble("predicted_load_per_hour") / s.getInteger("staff_on_duty");
            s.put("_ratio", ratio);
            if (busiest == null || ratio > busiest.getDouble("_ratio")) {
                busiest = s;
            }
            if (s.getInteger("staff_on_duty") >= 2 && (calmest == null || ratio < calmest.getDouble("_ratio"))) {
                calmest = s;
            }
        }
        JsonArray moves = new JsonArray();
        if (busiest != null && calmest != null && busiest != calmest) {
            moves.add(new JsonObject().put("from", calmest.getString("station_id"))
                    .put("to", busiest.getString("station_id")).put("count", 2));
        }
        return new JsonObject().put("moves", moves).put("stations", new JsonArray()).put("model", "diversion")
                .put("source", "onnx").put("model_version", MODEL_VERSION).put("cached", false);
    }
}
