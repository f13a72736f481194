package io.navswap.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 6 through the gateway with real tokens: the 13 models answer (source onnx, a model version), bad input is a
 * problem, a repeated request comes from the cache, model-status lists the 13 loaded models, and the callers really
 * use them — station status (load model), recommendations (arrival model) and queue confirm (arrival model) — and
 * say so, and fall back saying so while ai-service is stopped (station status and confirm: neither is served from a
 * cache another suite could have filled for ST-DEL-004).
 *
 * <p>Load is spread over riders 45-50, admin1 and staff03 (the gateway allows 10 requests/s per user, burst 20);
 * stations ST-DEL-003/004 are used by no other suite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AiServiceE2ETest {
    private static final String PROBLEM = "application/problem+json";
    private static final String MODEL_STATION = "ST-DEL-003";
    private static final double[] MODEL_STATION_AT = { 28.5245, 77.2066 };
    private static final String FALLBACK_STATION = "ST-DEL-004";
    private static final int FIRST_RIDER = 45;
    private static final int RIDERS = 6;
    private static int next;

    /** The next of riders 45-50, round robin, so no single user nears the rate limit. */
    private static synchronized RequestSpecification rider() {
        int n = FIRST_RIDER + (next++ % RIDERS);
        return Gateway.as(DemoUsers.rider(n), DemoUsers.RIDER_PASSWORD);
    }

    private static RequestSpecification admin() {
        return Gateway.as(DemoUsers.ADMIN, DemoUsers.ADMIN_PASSWORD);
    }

    /** staff03 works at SeedCatalog station 3, ST-DEL-003 (sees staff names on its status). */
    private static RequestSpecification staff() {
        return Gateway.as(DemoUsers.staff(3), DemoUsers.STAFF_PASSWORD);
    }

    /** A valid body per endpoint (ai-service README shapes); {@code %s} takes a unique id so caches start cold. */
    static Map<String, String> validBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("predict-load", """
                {"station_id":"%s","city":"Delhi","capacity":30,"hour":18,"day_of_week":2,"recent_swaps_per_hour":11}""");
        bodies.put("predict-fault", """
                {"battery_id":"%s","soh":72.5,"cycles":1800,"temperature_c":44,"recent_faults":1}""");
        bodies.put("predict-action", """
                {"station_id":"%s","queue_length":14,"charged_available":20,"capacity":24,"staff_on_duty":1,
                 "predicted_load_per_hour":16,"open_faults":0}""");
        bodies.put("forecast-traffic", """
                {"station_id":"%s","city":"Mumbai","capacity":24,"historical_average_per_hour":7.5,"start_hour":6,
                 "day_of_week":1,"hours":12}""");
        bodies.put("predict-micro-traffic", """
                {"geohashes":["ttnfv2u","ttnfv2v","ttng0h0","tdr1v9q"],"hour":9,"day_of_week":3,"tag":"%s"}""");
        bodies.put("predict-arrival", """
                {"station_id":"%s","city":"Bangalore","hour":9,"day_of_week":2,"recent_arrivals_per_hour":10,
                 "approaching_reservations":0,"queue_length":2}""");
        bodies.put("predict-battery-trend", """
                {"battery_id":"%s","soh":84,"cycles":1500,"avg_temperature_c":38,"fast_charge_share":0.6,
                 "avg_depth_of_discharge":0.8}""");
        bodies.put("predict-rebalancing", """
                {"horizon_hours":4,"hour":17,"stations":[
                 {"station_id":"%s-A","capacity":30,"charged":27,"charging":0,"predicted_load_per_hour":3,"latitude":28.63,"longitude":77.21},
                 {"station_id":"B","capacity":24,"charged":2,"charging":1,"predicted_load_per_hour":14,"latitude":28.65,"longitude":77.19},
                 {"station_id":"C","capacity":20,"charged":10,"charging":2,"predicted_load_per_hour":6,"latitude":28.52,"longitude":77.20}]}""");
        bodies.put("predict-diversion", """
                {"stations":[
                 {"station_id":"%s-A","staff_on_duty":5,"predicted_load_per_hour":4,"queue_length":0,"capacity":24},
                 {"station_id":"B","staff_on_duty":1,"predicted_load_per_hour":30,"queue_length":12,"capacity":30}]}""");
        bodies.put("predict-stock-order", """
                {"station_id":"%s","capacity":24,"charged":3,"charging":2,"predicted_load_per_hour":9,"lead_time_hours":3,"hour":17}""");
        bodies.put("predict-partner-allocation", """
                {"station_id":"%s","latitude":28.6315,"longitude":77.2167,"battery_count":8,"hour":18,"shops":[
                 {"shop_id":"PS-1","latitude":28.64,"longitude":77.22,"free_slots":3,"capacity":30,"handling_minutes_per_battery":2},
                 {"shop_id":"PS-2","latitude":28.70,"longitude":77.10,"free_slots":25,"capacity":30,"handling_minutes_per_battery":1.5},
                 {"shop_id":"PS-3","latitude":28.55,"longitude":77.30,"free_slots":10,"capacity":12,"handling_minutes_per_battery":4}]}""");
        bodies.put("predict-energy-stability", """
                {"station_id":"%s","grid_limit_kw":120,"recent_power_kw":[60,62,80,75,90,88,70,65],
                 "charging_batteries":22,"voltage_deviation_pct":1.5,"ambient_temperature_c":38}""");
        bodies.put("predict-station-reliability", """
                {"station_id":"%s","charger_uptime_pct":96.5,"recent_faults":3,"avg_battery_soh":88,
                 "equipment_age_months":30,"days_since_maintenance":45,"swaps_per_day":140}""");
        return bodies;
    }

    private static String body(String endpoint) {
        return validBodies().get(endpoint).formatted("E2E-" + UUID.randomUUID());
    }

    private static Response post(RequestSpecification as, String endpoint, String json) {
        return as.contentType(ContentType.JSON).body(json).post("/ai/" + endpoint);
    }

    @Test
    @Order(1)
    void everyEndpointAnswersWithItsModelAndVersion() {
        Map<String, String> versions = new LinkedHashMap<>();
        admin().get("/ai/model-status").then().statusCode(200).extract().jsonPath()
                .getList("models", Map.class)
                .forEach(m -> versions.put((String) m.get("name"), (String) m.get("version")));
        assertEquals(13, validBodies().size());
        validBodies().keySet().forEach(endpoint -> {
            JsonPath answer = post(rider(), endpoint, body(endpoint)).then().statusCode(200)
                    .contentType(startsWith("application/json"))
                    .body("source", equalTo("onnx"))
                    .body("model_version", notNullValue())
                    .body("fallback_reason", nullValue())
                    .body("cached", equalTo(false))
                    .extract().jsonPath();
            String model = answer.getString("model");
            assertNotNull(versions.get(model), endpoint + " answers for a model model-status lists: " + model);
            assertEquals(versions.get(model), answer.getString("model_version"),
                    endpoint + " names the version of the file that is serving");
        });
    }

    @Test
    @Order(2)
    void badInputIsAProblemListingTheFields() {
        post(rider(), "predict-fault", "{\"battery_id\":\"E2E-BAD\",\"cycles\":-3}").then().statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("type", equalTo("https://navswap.io/problems/validation-failed"))
                .body("detail", notNullValue())
                .body("errors.field", hasItem(startsWith("soh")))
                .body("errors.field", hasItem(startsWith("cycles")));
        post(rider(), "predict-rebalancing", "{\"stations\":[]}").then().statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("errors.field", hasItem(startsWith("stations")));
        post(rider(), "predict-load", "{\"station_id\": ").then().statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("type", equalTo("https://navswap.io/problems/malformed-json"));
        // Reloading models is an admin's call.
        rider().post("/ai/models/reload").then().statusCode(403).contentType(startsWith(PROBLEM));
    }

    @Test
    @Order(3)
    void aRepeatedRequestIsServedFromTheCache() {
        String json = body("predict-arrival");
        float first = post(rider(), "predict-arrival", json).then().statusCode(200)
                .body("cached", equalTo(false)).extract().path("minutes_to_next_customer");
        // The answer is stored in Redis without delaying the response: allow the write a moment to land.
        JsonPath repeated = poll("the repeated request to come from the cache", Duration.ofSeconds(10),
                () -> post(rider(), "predict-arrival", json).then().statusCode(200).extract().jsonPath(),
                answer -> answer.getBoolean("cached"));
        assertEquals("onnx", repeated.getString("source"));
        assertEquals(first, repeated.getFloat("minutes_to_next_customer"), "the same prediction");
    }

    @Test
    @Order(4)
    void modelStatusListsThirteenLoadedModels() {
        admin().get("/ai/model-status").then().statusCode(200)
                .body("models", hasSize(13))
                .body("loaded", equalTo(13))
                .body("models.state", everyItem(equalTo("loaded")))
                .body("models.version", everyItem(notNullValue()))
                .body("models.name", hasItem("load"))
                .body("models.name", hasItem("arrival"))
                .body("models.find { it.name == 'load' }.training_metrics.improvement_pct", notNullValue());
    }

    @Test
    @Order(5)
    void stationStatusShowsTheLoadModelsPrediction() {
        JsonPath status = staff().get("/station/" + MODEL_STATION + "/status").then().statusCode(200)
                .body("predicted_load_known", equalTo(true))
                .body("predicted_load.source", equalTo("onnx"))
                .body("predicted_load.model_version", not(equalTo("heuristic-v1")))
                .body("predicted_load.fallback_reason", nullValue())
                .extract().jsonPath();
        float swaps = status.getFloat("predicted_load.swaps_per_hour");
        assertTrue(swaps >= 0 && swaps < 200, "a plausible swaps/hour: " + swaps);
        int hour = status.getInt("predicted_load.hour");
        assertTrue(hour >= 0 && hour <= 23, "the hour predicted for: " + hour);
    }

    @Test
    @Order(6)
    void recommendationsAndConfirmUseTheArrivalModel() {
        // A recommendation waits at most 250 ms for ai-service; the estimate then stays cached, so ask until it is in.
        JsonPath recommended = poll("a recommendation scored with the arrival model", Duration.ofSeconds(30),
                () -> rider().contentType(ContentType.JSON)
                        .body(Map.of("latitude", MODEL_STATION_AT[0], "longitude", MODEL_STATION_AT[1],
                                "max_distance_km", 3))
                        .post("/recommend").then().statusCode(200).extract().jsonPath(),
                answer -> "ai-onnx".equals(answer.getString("recommendations[0].breakdown.wait_source")));
        assertEquals(MODEL_STATION, recommended.getString("recommendations[0].station_id"));

        // Confirm asks the arrival model (300 ms budget) when queue-service has no cached answer for the station.
        RequestSpecification rider = Gateway.as(DemoUsers.rider(50), DemoUsers.RIDER_PASSWORD);
        JsonPath confirmed = poll("a confirm whose wait comes from the arrival model", Duration.ofSeconds(30), () -> {
            JsonPath answer = rider.contentType(ContentType.JSON).body(Map.of("station_id", MODEL_STATION))
                    .post("/queue/confirm").then().statusCode(201).extract().jsonPath();
            rider.post("/queue/" + answer.getString("queue_id") + "/cancel").then().statusCode(200);
            return answer;
        }, answer -> "ai-onnx".equals(answer.getString("wait_source")));
        assertTrue(confirmed.getInt("estimated_wait_minutes") >= 1);
    }

    @Test
    @Order(7)
    void callersFallBackAndSaySoWhileAiServiceIsStopped() throws Exception {
        var stack = RunningStack.get();
        stack.stopService("ai-service");
        try {
            staff().get("/station/" + FALLBACK_STATION + "/status").then().statusCode(200)
                    .body("predicted_load_known", equalTo(false))
                    .body("predicted_load.source", equalTo("local-fallback"))
                    .body("predicted_load.swaps_per_hour", equalTo(8.0f))
                    .body("predicted_load.fallback_reason", startsWith("ai-service unavailable"))
                    .body("inventory", notNullValue());
            RequestSpecification rider = Gateway.as(DemoUsers.rider(49), DemoUsers.RIDER_PASSWORD);
            JsonPath confirmed = rider.contentType(ContentType.JSON).body(Map.of("station_id", FALLBACK_STATION))
                    .post("/queue/confirm").then().statusCode(201)
                    .body("wait_source", equalTo("queue-heuristic"))
                    .extract().jsonPath();
            assertEquals(5 * confirmed.getInt("queue_position"), confirmed.getInt("estimated_wait_minutes"),
                    "the SPEC wait: position × 5 min");
            rider.post("/queue/" + confirmed.getString("queue_id") + "/cancel").then().statusCode(200);
        } finally {
            stack.startService("ai-service");
        }
        // Back to the model once the circuit breakers let calls through again.
        poll("station status to use the load model again", Duration.ofSeconds(60),
                () -> staff().get("/station/" + FALLBACK_STATION + "/status").then().statusCode(200).extract()
                        .jsonPath(),
                status -> "onnx".equals(status.getString("predicted_load.source")));
    }

    /** Calls {@code call} about three times a second until {@code done} holds or the deadline passes. */
    private static <T> T poll(String what, Duration deadline, Supplier<T> call, Predicate<T> done) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = null;
        while (System.nanoTime() < end) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("Timed out waiting for " + what + "; last answer: "
                + (last instanceof JsonPath json ? json.prettify() : String.valueOf(last)));
        return null;
    }
}
