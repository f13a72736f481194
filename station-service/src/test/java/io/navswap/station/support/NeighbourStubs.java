package io.navswap.station.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stand-ins for staff-service and ai-service (which this module's tests cannot start), speaking their HTTP API
 * on a free port. Station ids decide the behaviour: containing {@code DOWN} → the neighbour fails (5xx);
 * containing {@code NOAI} → only ai-service fails. Registered through META-INF/services like the shared
 * backends, so every test class shares one stub server and one application start.
 */
public class NeighbourStubs implements QuarkusTestResourceLifecycleManager {
    public static final double LOAD_SWAPS_PER_HOUR = 12.5;
    public static final double ARRIVAL_MINUTES = 2.0;
    public static final String STAFF_ID = "usr-s-001";
    private static final Pattern STATION_ID = Pattern.compile("\"station_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
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

    private void load(HttpExchange exchange) throws IOException {
        String stationId = stationOf(exchange);
        count("/ai/predict-load", stationId);
        if (stationId.contains("DOWN")) {
            answer(exchange, 500, "{\"type\":\"https://navswap.io/problems/internal-error\"}");
        } else {
            answer(exchange, 200, "{\"station_id\":\"" + stationId + "\",\"predicted_swaps_per_hour\":" + LOAD_SWAPS_PER_HOUR
                    + ",\"horizon_hours\":1,\"source\":\"onnx\",\"model_version\":\"load-test-1\"}");
        }
    }

    private void arrival(HttpExchange exchange) throws IOException {
        String stationId = stationOf(exchange);
        count("/ai/predict-arrival", stationId);
        if (stationId.contains("DOWN") || stationId.contains("NOAI")) {
            answer(exchange, 500, "{\"type\":\"https://navswap.io/problems/internal-error\"}");
        } else {
            answer(exchange, 200, "{\"minutes_to_next_customer\":" + ARRIVAL_MINUTES
                    + ",\"source\":\"onnx\",\"model_version\":\"arrival-test-1\"}");
        }
    }

    private static String stationOf(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher matcher = STATION_ID.matcher(body);
        return matcher.find() ? matcher.group(1) : "";
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
