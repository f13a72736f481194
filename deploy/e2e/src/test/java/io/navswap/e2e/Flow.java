package io.navswap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.shared.seed.SeedCatalog;
import io.navswap.shared.seed.SeedCatalog.DemoStation;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Helpers for the swap-flow suites (issue 3): paced requests per user (the gateway allows 10 req/s, burst 20,
 * per user and per anonymous IP, so every request of one user through {@link #as} starts at least
 * {@link #SPACING} after the previous one), problem assertions, waiting for event-driven effects, flushing Redis,
 * forging QR tokens with the public development key, and firing requests at the same instant.
 *
 * <p>Demo data each swap-flow class owns, so that classes never share a rider's reservation or a station's
 * queue, inventory and staff (FoundationE2ETest reads with riders 01-04; the other suites use riders 41-42 and
 * 49-50, the Pune, Kolkata and Ahmedabad stations and ST-DEL-003/004; AdminDashboardE2ETest only reads with
 * rider 11 and staff 11; riders 25-40, 43-48 and ST-DEL-002, ST-MUM-001, ST-MUM-004, ST-HYD-003, ST-CHE-003
 * are still free):
 * <pre>
 * SwapJourneyE2ETest      riders 05, 16     ST-HYD-002 (staff 14)
 * QrFailuresE2ETest       riders 06-08      ST-CHE-001 (staff 16), ST-CHE-002 (staff 17, the "other" station)
 * SwapAccessE2ETest       riders 09-10      ST-BLR-001 (staff 09), ST-BLR-002 (staff 10, the "other" station)
 * FlowBadInputE2ETest     riders 11-13      ST-BLR-003 (staff 11), admin2; reads one battery of ST-BLR-004
 * RedisFlushE2ETest       riders 14-15      ST-HYD-001 (staff 13)
 * SwapConcurrencyE2ETest  riders 17-24      ST-MUM-003 (staff 07); capacity: 30 riders registered by the test
 *                                           itself at ST-MUM-002, admin3
 * </pre>
 */
final class Flow {
    static final String PROBLEM = "application/problem+json";
    static final String PROBLEM_TYPE_BASE = "https://navswap.io/problems/";
    /** 130 ms between the requests of one user: 7.7 req/s, under the gateway's 10 req/s. */
    static final Duration SPACING = Duration.ofMillis(130);
    static final Duration EVENT_DEADLINE = Duration.ofSeconds(40);
    /** queue-service's public DEV-ONLY QR key (kid {@code dev}, application.properties and README). */
    private static final String DEV_QR_KEY = "IMY90QfioqhdsEtm0uaDr6O+dBgkmAUYPgtWQx0078s=";
    private static final double METERS_PER_DEGREE_LAT = 111_320.0;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Pace PACE = new Pace();

    private Flow() {
    }

    // ---- who ------------------------------------------------------------------------------------------------

    static String riderEmail(int n) {
        return DemoUsers.rider(n);
    }

    static String riderId(int n) {
        return String.format("usr-c-%03d", n);
    }

    static String staffId(int n) {
        return String.format("usr-s-%03d", n);
    }

    static String riderBattery(int n) {
        return SeedCatalog.riderBatteryId(riderId(n));
    }

    static DemoStation station(String id) {
        return SeedCatalog.stations().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** A seeded staff member's home station (where the seed puts them on duty around the clock). */
    static DemoStation homeStation(int staff) {
        return SeedCatalog.homeStationOfStaff(staff);
    }

    // ---- requests -------------------------------------------------------------------------------------------

    /** An anonymous request, paced with every other anonymous request of this JVM (one IP bucket). */
    static RequestSpecification anonymous() {
        return Gateway.anonymous().filter(PACE);
    }

    static String token(String email, String password) {
        return TOKENS.computeIfAbsent(email, e -> {
            Response login = anonymous().contentType(ContentType.JSON)
                    .body(Map.of("email", e, "password", password)).post("/auth/login");
            assertEquals(200, login.statusCode(), () -> "login of " + e + ": " + login.asString());
            return login.path("access_token");
        });
    }

    /** A request as this user, paced so the user never reaches the gateway's rate limit. */
    static RequestSpecification as(String email, String password) {
        return unpaced(email, password).filter(PACE);
    }

    /** Not paced: for requests fired at one instant (each user at most a burst's worth). */
    static RequestSpecification unpaced(String email, String password) {
        return Gateway.anonymous().header("Authorization", "Bearer " + token(email, password));
    }

    static RequestSpecification rider(int n) {
        return as(DemoUsers.rider(n), DemoUsers.RIDER_PASSWORD);
    }

    static RequestSpecification staff(int n) {
        return as(DemoUsers.staff(n), DemoUsers.STAFF_PASSWORD);
    }

    static RequestSpecification admin(int n) {
        return as("admin" + n + "@navswap.dev", DemoUsers.ADMIN_PASSWORD);
    }

    static RequestSpecification json(RequestSpecification spec, Object body) {
        return spec.contentType(ContentType.JSON).body(body);
    }

    // ---- problems -------------------------------------------------------------------------------------------

    /** An RFC 9457 answer with this status and stable type, and a human detail. */
    static void assertProblem(Response r, int status, String slug) {
        assertEquals(status, r.statusCode(), () -> "expected " + status + " " + slug + ", got: " + r.asString());
        assertNotNull(r.contentType(), "no content type");
        assertTrue(r.contentType().startsWith(PROBLEM), () -> "content type " + r.contentType() + ": " + r.asString());
        assertEquals(PROBLEM_TYPE_BASE + slug, r.path("type"), r::asString);
        String detail = r.path("detail");
        assertTrue(detail != null && !detail.isBlank(), () -> "no detail: " + r.asString());
        assertEquals(Integer.valueOf(status), r.path("status"), r::asString);
    }

    /** A 4xx problem of any type (for checks where the type is the service's own business). */
    static void assertClientProblem(Response r) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, () -> "expected 4xx, got: " + r.statusCode()
                + " " + r.asString());
        assertTrue(r.contentType() != null && r.contentType().startsWith(PROBLEM), () -> "content type "
                + r.contentType() + ": " + r.asString());
        assertNotNull(r.path("type"), r::asString);
        String detail = r.path("detail");
        assertTrue(detail != null && !detail.isBlank(), () -> "no detail: " + r.asString());
    }

    /** 400 validation-failed naming at least these fields (snake_case) in {@code errors}. */
    static void assertValidation(Response r, String... fields) {
        assertProblem(r, 400, "validation-failed");
        List<String> named = r.path("errors.field");
        assertNotNull(named, () -> "no errors list: " + r.asString());
        for (String field : fields) {
            assertTrue(named.contains(field), () -> "errors lack " + field + ": " + r.asString());
        }
        List<String> messages = r.path("errors.message");
        assertTrue(messages.stream().allMatch(m -> m != null && !m.isBlank()), r::asString);
    }

    // ---- waiting --------------------------------------------------------------------------------------------

    /** Polls (every 400 ms, at most {@link #EVENT_DEADLINE}) until {@code done} holds for the probe's value. */
    static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + EVENT_DEADLINE.toNanos();
        T last = null;
        while (true) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + EVENT_DEADLINE.toSeconds() + " s waiting for " + what + "; last seen: "
                        + describe(last));
            }
            sleep(400);
        }
    }

    private static String describe(Object value) {
        return value instanceof Response r ? r.statusCode() + " " + r.asString() : String.valueOf(value);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- steps ----------------------------------------------------------------------------------------------

    /** A reservation whose QR code the counter has scanned: its swap exists and reads back. */
    record SwapInProgress(String queueId, String swapId) {
    }

    /** Rider {@code riderNumber} books {@code stationId}, staff member {@code staffNumber} scans the QR code. */
    static SwapInProgress swapInProgress(int riderNumber, int staffNumber, String stationId) {
        Response confirmed = json(rider(riderNumber), Map.of("station_id", stationId)).post("/queue/confirm");
        assertEquals(201, confirmed.statusCode(), confirmed::asString);
        Response verified = json(staff(staffNumber), Map.of("qr_token", confirmed.path("qr_token"),
                "station_id", stationId)).post("/qr/verify");
        assertEquals(200, verified.statusCode(), verified::asString);
        String swapId = verified.path("swap_id");
        await("swap " + swapId, () -> staff(staffNumber).get("/swap/" + swapId), r -> r.statusCode() == 200);
        return new SwapInProgress(confirmed.path("queue_id"), swapId);
    }

    // ---- state readers --------------------------------------------------------------------------------------

    /** Station inventory by status, as {@code GET /station/{id}/status} counts it. */
    static Map<String, Integer> inventory(RequestSpecification spec, String stationId) {
        Response r = spec.get("/station/" + stationId + "/status");
        assertEquals(200, r.statusCode(), r::asString);
        return r.path("inventory");
    }

    static Map<String, Object> battery(RequestSpecification staffOrAdmin, String batteryId) {
        Response r = staffOrAdmin.get("/batteries/" + batteryId);
        assertEquals(200, r.statusCode(), r::asString);
        return r.path("");
    }

    /** The healthiest charged battery at the station that meets the minimum SOH. */
    static Map<String, Object> bestCharged(RequestSpecification staffOrAdmin, String stationId, double minSoh) {
        Response r = staffOrAdmin.queryParam("station_id", stationId).queryParam("status", "charged")
                .get("/batteries");
        assertEquals(200, r.statusCode(), r::asString);
        List<Map<String, Object>> batteries = r.path("");
        return batteries.stream()
                .filter(b -> ((Number) b.get("soh")).doubleValue() >= minSoh)
                .max(Comparator.comparingDouble(b -> ((Number) b.get("soh")).doubleValue()))
                .orElseThrow(() -> new AssertionError("no charged battery with SOH >= " + minSoh + " at " + stationId));
    }

    static Map<String, Integer> plus(Map<String, Integer> counts, String status, int delta) {
        Map<String, Integer> copy = new LinkedHashMap<>(counts);
        copy.merge(status, delta, Integer::sum);
        return copy;
    }

    // ---- geometry -------------------------------------------------------------------------------------------

    /** A point {@code meters} due north of the station. */
    static Map<String, Object> northOf(DemoStation station, int meters) {
        return Map.of("latitude", station.latitude() + meters / METERS_PER_DEGREE_LAT,
                "longitude", station.longitude(), "accuracy", 8.0);
    }

    // ---- Redis ----------------------------------------------------------------------------------------------

    /** FLUSHALL on the stack's Redis: every hot copy is gone (live queues, caches, rate-limit buckets). */
    static void flushRedis() {
        URI redis = URI.create(RunningStack.get().redisUrl());
        try (Socket socket = new Socket(redis.getHost(), redis.getPort() > 0 ? redis.getPort() : 6379)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("FLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertEquals("+OK", answer, "Redis FLUSHALL answer");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Redis at " + redis + " not reachable", e);
        }
    }

    // ---- QR tokens ------------------------------------------------------------------------------------------

    /** The claims inside a QR token (its payload is readable base64url JSON). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> qrClaims(String token) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
            return JSON.readValue(payload, LinkedHashMap.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token with the claims of {@code token} changed by {@code change} and signed properly with the public
     * development key, exactly as queue-service signs: base64url(payload).base64url(HMAC-SHA256(key, payload)).
     */
    static String signQr(String token, UnaryOperator<Map<String, Object>> change) {
        try {
            byte[] payload = JSON.writeValueAsBytes(change.apply(qrClaims(token)));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(DEV_QR_KEY), "HmacSHA256"));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payload changed, the original signature kept: what a forger without the key can make. */
    static String tamperQr(String token, UnaryOperator<Map<String, Object>> change) {
        try {
            byte[] payload = JSON.writeValueAsBytes(change.apply(qrClaims(token)));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + token.substring(token.indexOf('.'));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- one instant ----------------------------------------------------------------------------------------

    /** Runs every call on its own thread, released together; answers in the order given. */
    static List<Response> atOnce(List<Callable<Response>> calls) {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Request pacing per user (by Authorization header; anonymous requests share one slot line). */
    private static final class Pace implements Filter {
        private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            String key = Objects.requireNonNullElse(request.getHeaders().getValue("Authorization"), "anonymous");
            long now = System.nanoTime();
            long[] wait = new long[1];
            nextSlot.compute(key, (k, slot) -> {
                long start = slot == null ? now : Math.max(now, slot);
                wait[0] = start - now;
                return start + SPACING.toNanos();
            });
            if (wait[0] > 0) {
                sleep(wait[0] / 1_000_000);
            }
            return context.next(request, response);
        }
    }
}
