package io.navswap.gateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plays station-service for the gateway tests: a real Vert.x HTTP server on the port the %test profile
 * routes station-service to. It echoes what it received, answers chosen statuses, streams, stalls,
 * and serves a readiness probe and an OpenAPI document.
 */
public final class FakeUpstream {
    private static FakeUpstream instance;

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger echoes = new AtomicInteger();
    private int port;
    private volatile CompletableFuture<Void> streamRelease = new CompletableFuture<>();

    private FakeUpstream() {
    }

    /** Starts the server once per JVM. */
    public static synchronized FakeUpstream start() {
        if (instance == null) {
            FakeUpstream fake = new FakeUpstream();
            int port = ConfigProvider.getConfig().getValue("navswap.test.fake-upstream-port", Integer.class);
            try {
                fake.vertx.createHttpServer().requestHandler(fake::handle).listen(port, "127.0.0.1")
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Fake upstream could not listen on " + port, e);
            }
            fake.port = port;
            Runtime.getRuntime().addShutdownHook(new Thread(fake.vertx::close));
            instance = fake;
        }
        return instance;
    }

    public int port() {
        return port;
    }

    public int echoCount() {
        return echoes.get();
    }

    /** Opens a fresh gate for {@code /station/stream}: it sends its first chunk, then waits for {@link #releaseStream()}. */
    public void armStream() {
        streamRelease = new CompletableFuture<>();
    }

    public void releaseStream() {
        streamRelease.complete(null);
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (FakeServices.servesStation(path)) {
            // Station figures of the admin dashboards (AdminDashboardsTest).
            FakeServices.handle(request);
        } else if (path.equals("/q/health/ready")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\",\"checks\":[]}");
        } else if (path.equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openApi().encode());
        } else if (path.startsWith("/station/status/")) {
            int status = Integer.parseInt(path.substring("/station/status/".length()));
            request.response().setStatusCode(status).putHeader("X-Custom", "yes")
                    .putHeader("Set-Cookie", (Iterable<String>) java.util.List.of("a=1", "b=2"))
                    .end(status == 204 ? "" : "status " + status);
        } else if (path.equals("/station/stream")) {
            stream(request);
        } else if (path.equals("/station/slow")) {
            vertx.setTimer(4_000, id -> {
                if (!request.response().closed()) {
                    request.response().end("too late");
                }
            });
        } else {
            echo(request);
        }
    }

    private void echo(HttpServerRequest request) {
        echoes.incrementAndGet();
        request.body().onSuccess(body -> {
            Map<String, String> headers = new TreeMap<>();
            request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue(),
                    (a, b) -> a + "," + b));
            JsonObject answer = new JsonObject()
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("headers", new JsonObject(new java.util.LinkedHashMap<>(headers)))
                    .put("body", body.toString());
            request.response().putHeader("Content-Type", "application/json").putHeader("X-Upstream", "fake")
                    .putHeader("Keep-Alive", "timeout=5").end(answer.encode());
        });
    }

    private void stream(HttpServerRequest request) {
        CompletableFuture<Void> gate = streamRelease;
        var response = request.response().setChunked(true).putHeader("Content-Type", "text/plain");
        response.write("first;");
        gate.orTimeout(10, TimeUnit.SECONDS).whenComplete((ok, timeout) -> vertx.runOnContext(v -> {
            if (timeout != null) {
                response.end("timed-out");
                return;
            }
            response.write("second;");
            response.end("third");
        }));
    }

    private static JsonObject openApi() {
        JsonObject userView = new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("station_only", new JsonObject().put("type", "string")));
        JsonObject echoOperation = new JsonObject().put("summary", "Echo the request").put("tags", new JsonArray().add("station"))
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK")
                        .put("content", new JsonObject().put("application/json", new JsonObject()
                                .put("schema", new JsonObject().put("$ref", "#/components/schemas/UserView"))))));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "fake station-service").put("version", "1.0.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", "station")))
                .put("paths", new JsonObject()
                        .put("/station/echo", new JsonObject().put("get", echoOperation))
                        .put("/internal/only", new JsonObject().put("get", new JsonObject().put("summary", "not routed")
                                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK"))))))
                .put("components", new JsonObject().put("schemas", new JsonObject().put("UserView", userView)));
    }
}
