package io.navswap.embedded;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The scaffolding of a service test's HTTP stand-in for its neighbours (station-service, ai-service, ...): a Vert.x
 * server on a free loopback port, replies in the NavSwap shapes, and ai-service's request validation. What the
 * stand-in answers stays in the module's own test code.
 */
public final class StandInServer {
    private static final String PROBLEM_BASE = "https://navswap.io/problems/";

    private final Vertx vertx;
    private final HttpServer server;

    private StandInServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * Starts a server whose router has a body handler and then the routes {@code routes} adds. It runs until
     * {@link #close()} or the end of the JVM.
     */
    public static StandInServer start(String name, Consumer<Router> routes) {
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        routes.accept(router);
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            Runtime.getRuntime().addShutdownHook(new Thread(vertx::close, name + "-stop"));
            return new StandInServer(vertx, server);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("Stand-in " + name + " did not start", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public Vertx vertx() {
        return vertx;
    }

    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Answers {@code body} ({@code toString()} of a JsonObject/JsonArray, or a JSON string) as application/json. */
    public static void json(RoutingContext rc, int status, Object body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }

    /** Answers an RFC 9457 problem with type {@code https://navswap.io/problems/<slug>}. */
    public static void problem(RoutingContext rc, int status, String slug, String detail) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", PROBLEM_BASE + slug).put("status", status).put("detail", detail)
                        .encode());
    }

    /**
     * ai-service's validation, stricter on unknown fields: a field ai-service does not define, or a missing
     * required one, gets ai-service's 400 {@code validation-failed} (ai-service itself ignores unknown fields; here a
     * guessed field name fails the test). Answers whether it refused the request.
     */
    public static boolean refuseInvalidAiRequest(RoutingContext rc, JsonObject in, Set<String> known,
            Collection<String> required) {
        List<String> errors = new ArrayList<>();
        in.fieldNames().stream().filter(f -> !known.contains(f)).sorted()
                .forEach(f -> errors.add(f + " (not an ai-service field)"));
        required.stream().filter(f -> in.getValue(f) == null
                || in.getValue(f) instanceof String text && text.isBlank()).forEach(errors::add);
        if (errors.isEmpty()) {
            return false;
        }
        JsonArray fields = new JsonArray();
        errors.forEach(e -> fields.add(new JsonObject().put("field", e).put("message", "invalid")));
        rc.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", PROBLEM_BASE + "validation-failed").put("title", "Invalid request")
                        .put("status", 400).put("errors", fields).encode());
        return true;
    }

    /**
     * The claims of a {@code Bearer} token, signature not checked (the receiving service's job, not a stand-in's);
     * empty without a readable token.
     */
    public static JsonObject claims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return new JsonObject();
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length < 2) {
            return new JsonObject();
        }
        return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
