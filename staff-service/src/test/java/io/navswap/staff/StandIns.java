package io.navswap.staff;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small HTTP stand-ins for station-service ({@code GET /station/list}) and ai-service ({@code /ai/*}),
 * started on a free port before the application; the REST client URLs point at them. Behaviour is chosen
 * by the request itself so tests do not interfere: a battery id with {@code -PNN-} gets fault probability
 * NN/100, one with {@code AIDOWN} gets 503, and a caller whose token subject contains {@code aidown} gets
 * 503 from the traffic and diversion models.
 */
public class StandIns implements QuarkusTestResourceLifecycleManager {
    public static final String MODEL_VERSION = "standin-1";
    /** Expected swaps per hour per station answered by the traffic stand-in (default 4). */
    public static final Map<String, Double> TRAFFIC = new ConcurrentHashMap<>(Map.of(
            "ST-SUG-1", 24.0, "ST-SUG-2", 3.0, "ST-SUG-3", 3.0));
    /** Last Authorization header seen per path. */
    public static final Map<String, String> LAST_AUTHORIZATION = new ConcurrentHashMap<>();

    private static final Pattern PROBABILITY = Pattern.compile("-P(\\d\\d)-");
    private static Vertx vertx;
    private static HttpServer server;

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
        try {
            if (vertx == null) {
                vertx = Vertx.vertx();
                server = vertx.createHttpServer().requestHandler(StandIns::handle).listen(0, "127.0.0.1")
                        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("stand-in servers did not start", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of("quarkus.rest-client.station.url", url, "quarkus.rest-client.ai.url", url);
    }

    @Override
    public void stop() {
        // Kept for the JVM: a later application start in this JVM reuses them.
    }

    private static void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            String path = request.path();
            String authorization = request.getHeader("Authorization");
            if (authorization != null) {
                LAST_AUTHORIZATION.put(path, authorization);
            }
            String subject = subject(authorization);
            JsonObject in = body.length() == 0 ? new JsonObject() : new JsonObject(body);
            switch (path) {
                case "/station/list" -> reply(request, 200, stations().encode());
                case "/ai/predict-fault" -> {
                    String battery = in.getString("battery_id", "");
                    if (battery.contains("AIDOWN")) {
                        reply(request, 503, "{}");
                        return;
                    }
                    Matcher m = PROBABILITY.matcher(battery);
                    double p = m.find() ? Integer.parseInt(m.group(1)) / 100.0 : 0.5;
                    reply(request, 200, new JsonObject().put("fault_probability", p)
                            .put("risk_level", p >= 0.9 ? "critical" : p >= 0.7 ? "high" : "low")
                            .put("source", "onnx").put("model_version", MODEL_VERSION).encode());
                }
                case "/ai/predict-battery-trend" -> {
                    if (in.getString("battery_id", "").contains("AIDOWN")) {
                        reply(request, 503, "{}");
                        return;
                    }
                    reply(request, 200, new JsonObject().put("soh_slope_per_100_cycles", -2.5).put("source", "onnx")
                            .put("model_version", MODEL_VERSION).encode());
                }
                case "/ai/forecast-traffic" -> {
                    if (subject.contains("aidown")) {
                        reply(request, 503, "{}");
                        return;
                    }
                    String station = in.getString("station_id");
                    double perHour = TRAFFIC.getOrDefault(station, 4.0);
                    JsonArray hourly = new JsonArray();
                    for (int h = 0; h < in.getInteger("hours", 1); h++) {
                        hourly.add(new JsonObject().put("hour", h).put("expected_swaps", h == 0 ? perHour : perHour / 2));
                    }
                    reply(request, 200, new JsonObject().put("station_id", station).put("hourly", hourly)
                            .put("source", "onnx").put("model_version", MODEL_VERSION).encode());
                }
                case "/ai/predict-diversion" -> {
                    if (subject.contains("aidown")) {
                        reply(request, 503, "{}");
                        return;
                    }
                    reply(request, 200, diversionModel(in).encode());
                }
                default -> reply(request, 404, "{}");
            }
        }).onFailure(failure -> reply(request, 500, "{}"));
    }

    /** A toy "model": within Testpur, two people from the calmest station to the busiest one. */
    private static JsonObject diversionModel(JsonObject in) {
        JsonObject busiest = null;
        JsonObject calmest = null;
        for (Object o : in.getJsonArray("stations", new JsonArray())) {
            JsonObject s = (JsonObject) o;
            if (!"Testpur".equals(s.getString("city"))) {
                continue;
            }
            double ratio = s.getInteger("staff_on_duty") == 0 ? Double.MAX_VALUE
                    : s.getDouble("expected_swaps_per_hour") / s.getInteger("staff_on_duty");
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
            moves.add(new JsonObject().put("from_station_id", calmest.getString("station_id"))
                    .put("to_station_id", busiest.getString("station_id")).put("staff_count", 2)
                    .put("reason", "stand-in model: demand peak at " + busiest.getString("station_id")));
        }
        return new JsonObject().put("moves", moves).put("source", "onnx").put("model_version", MODEL_VERSION);
    }

    private static String subject(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "";
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length < 2) {
            return "";
        }
        JsonObject claims = new JsonObject(Buffer.buffer(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8)));
        return claims.getString("sub", "");
    }

    private static void reply(HttpServerRequest request, int status, String json) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
    }
}
