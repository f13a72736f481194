package io.navswap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A timed HTTP client for the gateway: every call is recorded under its endpoint name. */
final class GatewayClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int LOGIN_RETRIES = 10;

    /**
     * HTTP/1.1 with a connection per concurrent call, like many riders' phones. The JDK default (h2c) would put
     * every call on one multiplexed connection, which the gateway serves on a single event-loop thread.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
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
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long elapsed = System.nanoTime() - start;
            JsonNode json = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            Answer answer = new Answer(response.statusCode(), json);
            latencies.record(endpoint, elapsed, answer.ok(), answer.status() + " " + abbreviate(json.toString()));
            return answer;
        } catch (IOException e) {
            latencies.record(endpoint, 0, false, e.toString());
            return new Answer(0, JSON.createObjectNode().put("error", e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
