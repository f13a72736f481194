package io.navswap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A timed HTTP client for the gateway: every call is recorded under its endpoint name.
 *
 * <p>HTTP/1.1 with a pooled keep-alive connection per concurrent call, like many riders' phones, done by the JDK's
 * blocking {@link HttpURLConnection} on the journey's own thread. The JDK's {@code java.net.http.HttpClient}, used
 * before, passes every call through its selector thread and an executor and back, and sends a body after the
 * headers; both were measured as part of each latency (README, "Benchmarks").
 *
 * <p>Every call carries its own {@code X-Request-Id} ({@code bench-<n>}), which the gateway passes on and every
 * service logs, so the slowest calls the table names can be looked up in the services' logs.
 */
final class GatewayClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int LOGIN_RETRIES = 10;

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final AtomicLong REQUESTS = new AtomicLong();

    static {
        // Read once, when the JDK's keep-alive pool is first used: keep a connection for every journey in flight
        // (the default keeps 5 per host and opens a new one for each call beyond), and never send a POST twice
        // by itself when a pooled connection turns out closed (a confirm or completion must be sent once).
        System.setProperty("http.maxConnections", "256");
        System.setProperty("sun.net.http.retryPost", "false");
    }

    private final String baseUrl;
    private final Latencies latencies;
    private final Map<String, String> tokens;

    GatewayClient(String baseUrl, Latencies latencies) {
        this(baseUrl, latencies, new ConcurrentHashMap<>());
    }

    /** A client sharing {@code tokens} with another, so logins done unmeasured are reused. */
    GatewayClient(String baseUrl, Latencies latencies, Map<String, String> tokens) {
        this.baseUrl = baseUrl;
        this.latencies = latencies;
        this.tokens = tokens;
    }

    Map<String, String> tokens() {
        return tokens;
    }

    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    String token(String email, String password) {
        return tokens.computeIfAbsent(email, e -> {
            Answer login = call("auth/login", "POST", "/auth/login", null, Map.of("email", e, "password", password));
            // Logging in everyone at once outruns the gateway's per-client limit; its 429 says to wait a second.
            for (int retry = 0; login.status() == TOO_MANY_REQUESTS && retry < LOGIN_RETRIES; retry++) {
                pause(Duration.ofSeconds(1));
                login = call("auth/login", "POST", "/auth/login", null, Map.of("email", e, "password", password));
            }
            if (!login.ok()) {
                throw new IllegalStateException("login of " + e + " failed: " + login.status() + " " + login.body());
            }
            return login.body().path("access_token").asText();
        });
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Answer get(String endpoint, String path, String token) {
        return call(endpoint, "GET", path, token, null);
    }

    Answer post(String endpoint, String path, String token, Object body) {
        return call(endpoint, "POST", path, token, body);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private Answer call(String endpoint, String method, String path, String token, Object body) {
        try {
            byte[] payload = body == null ? null : JSON.writeValueAsBytes(body);
            String requestId = "bench-" + REQUESTS.incrementAndGet();
            LocalTime sent = LocalTime.now();
            long start = System.nanoTime();
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setRequestMethod(method);
            connection.setRequestProperty("X-Request-Id", requestId);
            if (token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + token);
            }
            if (payload != null) {
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setDoOutput(true);
                // Buffered, not streamed (no fixed-length mode): the body then leaves in one write with the headers,
                // as a phone's HTTP stack sends a small JSON body. Written after them, a POST to an idle suite took
                // ~1 ms longer (p50).
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(payload);
                }
            }
            int status = connection.getResponseCode();
            byte[] answered;
            // Read to the end and closed, not disconnected: the connection then goes back to the keep-alive pool.
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                answered = in == null ? new byte[0] : in.readAllBytes();
            }
            long elapsed = System.nanoTime() - start;
            JsonNode json = answered.length == 0 ? JSON.nullNode() : JSON.readTree(answered);
            Answer answer = new Answer(status, json);
            latencies.record(endpoint, new Latencies.Sample(elapsed, requestId, sent), answer.ok(),
                    answer.status() + " " + abbreviate(json.toString()));
            return answer;
        } catch (IOException e) {
            latencies.record(endpoint, new Latencies.Sample(0, null, LocalTime.now()), false, e.toString());
            return new Answer(0, JSON.createObjectNode().put("error", e.toString()));
        }
    }
}
