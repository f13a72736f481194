package io.navswap.swap.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays station-service ({@code POST /batteries/exchange}) and staff-service ({@code GET /staff/on-duty}) for the
 * tests, following the HELPERS contracts: the exchange is idempotent by swap id, quarantines a faulty or
 * SOH &lt; 75 battery, and refuses batteries the test marked with a problem. Records every call. Either service
 * can be taken "down" (connections are closed without an answer). The real services replace it end to end.
 */
public final class StandInServices {
    static final String PORT_PROPERTY = "navswap.test.stand-in-port";

    public record Call(String method, String path, String query, JsonObject body, String authorization) {
    }

    private static volatile StandInServices instance;

    private final Vertx vertx = Vertx.vertx();
    private final Set<String> onDuty = ConcurrentHashMap.newKeySet();
    private final Map<String, JsonObject> exchanges = new ConcurrentHashMap<>();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> moves = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean stationDown;
    private volatile boolean staffDown;
    private volatile long exchangeDelayMillis = 20;

    private record Refusal(int status, String slug) {
    }

    private StandInServices(int port) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(this::handle);
        server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The running stand-in, started on first use on the port the test resource chose. */
    public static StandInServices get() {
        if (instance == null) {
            synchronized (StandInServices.class) {
                if (instance == null) {
                    String port = System.getProperty(PORT_PROPERTY);
                    if (port == null) {
                        throw new IllegalStateException("StandInServicesResource did not choose a port");
                    }
                    try {
                        instance = new StandInServices(Integer.parseInt(port));
                    } catch (Exception e) {
                        throw new IllegalStateException("Stand-in services could not start on " + port, e);
                    }
                }
            }
        }
        return instance;
    }

    // ---- what the tests arrange -------------------------------------------------------------------------------

    public StandInServices onDuty(String stationId, String staffId) {
        onDuty.add(stationId + "|" + staffId);
        return this;
    }

    public StandInServices offDuty(String stationId, String staffId) {
        onDuty.remove(stationId + "|" + staffId);
        return this;
    }

    /** The next exchanges handing out {@code newBatteryId} are refused with this problem. */
    public StandInServices refuseNewBattery(String newBatteryId, int status, String slug) {
        refusals.put(newBatteryId, new Refusal(status, slug));
        return this;
    }

    public StandInServices stationDown(boolean down) {
        stationDown = down;
        return this;
    }

    public StandInServices staffDown(boolean down) {
        staffDown = down;
        return this;
    }

    /** Exchanges answer after this delay, widening the window for concurrent completions. */
    public StandInServices exchangeDelay(long millis) {
        exchangeDelayMillis = millis;
        return this;
    }

    // ---- what the tests check ---------------------------------------------------------------------------------

    public List<Call> exchangeCalls(String swapId) {
        return calls.stream().filter(c -> c.path().equals("/batteries/exchange") && c.body() != null
                && swapId.equals(c.body().getString("swap_id"))).toList();
    }

    public List<Call> onDutyCalls(String staffId) {
        return calls.stream().filter(c -> c.path().equals("/staff/on-duty") && c.query() != null
                && c.query().contains("staff_id=" + staffId)).toList();
    }

    /** How many times the inventory really moved for {@code swapId} (1 at most, by idempotency). */
    public int moves(String swapId) {
        AtomicInteger count = moves.get(swapId);
        return count == null ? 0 : count.get();
    }

    // ---- the two services -------------------------------------------------------------------------------------

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(buffer -> {
            JsonObject body = buffer.length() > 0 ? buffer.toJsonObject() : null;
            calls.add(new Call(request.method().name(), request.path(), request.query(), body,
                    request.getHeader("Authorization")));
            if (request.path().equals("/staff/on-duty") && request.method().name().equals("GET")) {
                staff(request);
            } else if (request.path().equals("/batteries/exchange") && request.method().name().equals("POST")) {
                exchange(request, body);
            } else {
                problem(request, 404, "not-found", "No stand-in at " + request.path());
            }
        });
    }

    private void staff(HttpServerRequest request) {
        if (staffDown) {
            request.connection().close();
            return;
        }
        String station = request.getParam("station_id");
        String staff = request.getParam("staff_id");
        json(request, 200, new JsonObject().put("station_id", station).put("staff_id", staff)
                .put("on_duty", onDuty.contains(station + "|" + staff)));
    }

    private void exchange(HttpServerRequest request, JsonObject body) {
        if (stationDown) {
            request.connection().close();
            return;
        }
        String swapId = body.getString("swap_id");
        JsonObject earlier = exchanges.get(swapId);
        if (earlier == null) {
            Refusal refusal = refusals.get(body.getString("new_battery_id"));
            if (refusal != null) {
                problem(request, refusal.status(), refusal.slug(), "Stand-in refuses " + body.getString("new_battery_id"));
                return;
            }
        }
        JsonObject result = exchanges.computeIfAbsent(swapId, id -> {
            moves.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            Double soh = body.getDouble("old_battery_soh");
            boolean quarantined = body.getBoolean("faulty", false) || (soh != null && soh < 75);
            return new JsonObject().put("swap_id", id)
                    .put("new_battery_id", body.getString("new_battery_id"))
                    .put("old_battery_id", body.getString("old_battery_id"))
                    .put("old_battery_status", quarantined ? "quarantined" : "charging")
                    .put("quarantined", quarantined);
        });
        vertx.setTimer(Math.max(1, exchangeDelayMillis), t -> json(request, 200, result));
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void problem(HttpServerRequest request, int status, String slug, String detail) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "https://navswap.io/problems/" + slug).put("title", slug)
                        .put("status", status).put("detail", detail).encode());
    }
}
