package io.navswap.station.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for staff-service and ai-service (which this module's tests cannot start), speaking their HTTP API
 * on a free port. Station ids decide the behaviour: containing {@code DOWN} → the neighbour fails (5xx);
 * containing {@code NOAI} → only ai-service fails; containing {@code QUIETAI} → the arrival model answers a quiet
 * hour's {@value #QUIET_HOUR_MINUTES} minutes to the next customer. Registered through META-INF/services like the shared
 * backends, so every test class shares one stub server and one application start.
 *
 * <p>The ai-service stand-in speaks ai-service's real shapes (ai-service README): it refuses a request that lacks
 * a required field or carries a field ai-service does not define (400 {@code validation-failed}, stricter than
 * ai-service, which ignores unknown fields, so that a guessed name fails here), answers {@code source: fallback}
 * with a {@code fallback_reason} when the model's optional feature is missing, as ai-service does, and keeps the
 * last request per path and station for assertions.
 */
public class NeighbourStubs implements QuarkusTestResourceLifecycleManager {
    public static final double LOAD_SWAPS_PER_HOUR = 12.5;
    public static final double ARRIVAL_MINUTES = 2.0;
    /** The model's answer for a station whose id contains {@code QUIETAI}: a quiet hour's long gap. */
    public static final double QUIET_HOUR_MINUTES = 45.0;
    public static final String STAFF_ID = "usr-s-001";
    public static final String LOAD_MODEL_VERSION = "1.0.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LOAD_FIELDS = Set.of("station_id", "city", "capacity", "hour", "day_of_week",
            "event", "raining", "recent_swaps_per_hour");
    private static final Set<String> ARRIVAL_FIELDS = Set.of("station_id", "city", "hour", "day_of_week",
            "recent_arrivals_per_hour", "approaching_reservations", "queue_length");
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> LAST_REQUESTS = new ConcurrentHashMap<>();
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the neighbour stubs", e);
            }
            server.createContext("/staff/station/", this::staff);
            server.createContext("/ai/predict-load", this::load);
            server.createContext("/ai/predict-arrival", this::arrival);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        }
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.staff.url", url, "quarkus.rest-client.ai.url", url);
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM, like the backends; the JVM's end stops it.
    }

    /** Calls the stub received for a path and station id, e.g. {@code calls("/ai/predict-arrival", "ST-X-1")}. */
    public static int calls(String path, String stationId) {
        AtomicInteger count = CALLS.get(path + "|" + stationId);
        return count == null ? 0 : count.get();
    }

    private void staff(HttpExchange exchange) throws IOException {
        String stationId = exchange.getRequestURI().getPath().substring("/staff/station/".length());
        count("/staff/station", stationId);
        if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
            answer(exchange, 401, "{\"type\":\"https://navswap.io/problems/unauthorized\"}");
        } else if (stationId.contains("DOWN")) {
            answer(exchange, 503, "{\"type\":\"https://navswap.io/problems/unavailable\"}");
        } else {
            answer(exchange, 200, "{\"station_id\":\"" + stationId + "\",\"staff\":[{\"staff_id\":\"" + STAFF_ID
                    + "\",\"name\":\"Aarav Sharma\",\"station_id\":\"" + stationId + "\"}]}");
        }
    }

    /** The last body ai-service's stand-in received on {@code path} for a station, or null. */
    public static JsonNode lastRequest(String path, String stationId) {
        return LAST_REQUESTS.get(path + "|" + stationId);
    }

    private void load(HttpExchange exchange) throws IOException {
        ObjectNode in = body(exchange);
        String stationId = in.path("station_id").asText("");
        count("/ai/predict-load", stationId);
        LAST_REQUESTS.put("/ai/predict-load|" + stationId, in);
        List<String> errors = validate(in, LOAD_FIELDS, List.of("station_id", "city"));
        if (!in.path("capacity").isInt() || in.get("capacity").asInt() < 1 || in.get("capacity").asInt() > 500) {
            errors.add("capacity");
        }
        range(in, "hour", 0, 23, errors);
        range(in, "day_of_week", 1, 7, errors);
        if (!errors.isEmpty()) {
            invalid(exchange, errors);
        } else if (stationId.contains("DOWN")) {
            answer(exchange, 500, "{\"type\":\"https://navswap.io/problems/internal-error\"}");
        } else {
            boolean model = in.hasNonNull("recent_swaps_per_hour");
            ObjectNode out = JSON.createObjectNode().put("station_id", stationId)
                    .put("hour", in.path("hour").asInt(12)).put("day_of_week", in.path("day_of_week").asInt(3))
                    .put("predicted_swaps_per_hour", model ? LOAD_SWAPS_PER_HOUR : 8.0).put("model", "load")
                    .put("source", model ? "onnx" : "fallback")
                    .put("model_version", model ? LOAD_MODEL_VERSION : "heuristic-v1");
            if (!model) {
                out.put("fallback_reason", "missing feature recent_swaps_per_hour");
            }
            answer(exchange, 200, out.put("cached", false).toString());
        }
    }

    private void arrival(HttpExchange exchange) throws IOException {
        ObjectNode in = body(exchange);
        String stationId = in.path("station_id").asText("");
        count("/ai/predict-arrival", stationId);
        LAST_REQUESTS.put("/ai/predict-arrival|" + stationId, in);
        List<String> errors = validate(in, ARRIVAL_FIELDS, List.of("station_id", "city"));
        range(in, "hour", 0, 23, errors);
        range(in, "day_of_week", 1, 7, errors);
        range(in, "queue_length", 0, 10000, errors);
        if (!errors.isEmpty()) {
            invalid(exchange, errors);
        } else if (stationId.contains("DOWN") || stationId.contains("NOAI")) {
            answer(exchange, 500, "{\"type\":\"https://navswap.io/problems/internal-error\"}");
        } else {
            boolean model = in.hasNonNull("recent_arrivals_per_hour");
            ObjectNode out = JSON.createObjectNode().put("station_id", stationId)
                    .put("minutes_to_next_customer", !model ? 5.0
                            : stationId.contains("QUIETAI") ? QUIET_HOUR_MINUTES : ARRIVAL_MINUTES)
                    .put("model", "arrival")
                    .put("source", model ? "onnx" : "fallback").put("model_version", model ? "1.0.0" : "heuristic-v1");
            if (!model) {
                out.put("fallback_reason", "missing feature recent_arrivals_per_hour");
            }
            answer(exchange, 200, out.put("cached", false).toString());
        }
    }

    private static ObjectNode body(HttpExchange exchange) throws IOException {
        JsonNode node = JSON.readTree(exchange.getRequestBody().readAllBytes());
        return node instanceof ObjectNode object ? object : JSON.createObjectNode();
    }

    /** Unknown fields and missing/blank required text fields, as ai-service's field names. */
    private static List<String> validate(ObjectNode in, Set<String> known, List<String> requiredText) {
        List<String> errors = new ArrayList<>();
        for (Iterator<String> names = in.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(name + " (not an ai-service field)");
            }
        }
        for (String name : requiredText) {
            if (!in.path(name).isTextual() || in.get(name).asText().isBlank()) {
                errors.add(name);
            }
        }
        return errors;
    }

    private static void range(ObjectNode in, String name, int min, int max, List<String> errors) {
        if (in.hasNonNull(name) && (!in.get(name).isInt() || in.get(name).asInt() < min || in.get(name).asInt() > max)) {
            errors.add(name);
        }
    }

    private static void invalid(HttpExchange exchange, List<String> fields) throws IOException {
        ObjectNode problem = JSON.createObjectNode().put("type", "https://navswap.io/problems/validation-failed")
                .put("title", "Invalid request").put("status", 400);
        fields.forEach(f -> problem.withArray("errors").addObject().put("field", f).put("message", "invalid"));
        answer(exchange, 400, problem.toString());
    }

    private static void count(String path, String stationId) {
        CALLS.computeIfAbsent(path + "|" + stationId, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
