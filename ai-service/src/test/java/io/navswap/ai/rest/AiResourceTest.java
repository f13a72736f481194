package io.navswap.ai.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import io.navswap.embedded.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The 13 endpoints against the bundled models and the real (embedded) Redis; the models directory of the
 * test profile (target/test-models) is where these tests put override, corrupt and .disabled files.
 */
@QuarkusTest
class AiResourceTest {
    private static final Path MODELS_DIR = Path.of("target/test-models");
    private static final String RIDER = TestTokens.bearer("usr-c-001", "consumer");
    private static final String ADMIN = TestTokens.bearer("usr-a-001", "admin");

    /** A valid body per endpoint; {@code %s} takes a unique station/battery id so no test sees another's cache. */
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
        return validBodies().get(endpoint).formatted("T-" + UUID.randomUUID());
    }

    private static ValidatableResponse post(String endpoint, String json, String token) {
        return given().header("Authorization", token).contentType("application/json").body(json)
                .when().post("/ai/" + endpoint).then();
    }

    private static ValidatableResponse reload() {
        return given().header("Authorization", ADMIN).when().post("/ai/models/reload").then().statusCode(200);
    }

    @AfterEach
    void restoreModelsDir() throws IOException {
        if (Files.isDirectory(MODELS_DIR)) {
            try (var files = Files.list(MODELS_DIR)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        reload();
    }

    @Test
    void everyEndpointAnswersWithItsModel() {
        validBodies().keySet().forEach(endpoint -> post(endpoint, body(endpoint), RIDER)
                .statusCode(200)
                .body("source", equalTo("onnx"))
                .body("model_version", equalTo("1.0.0"))
                .body("fallback_reason", nullValue()));
    }

    @Test
    void predictionsCarryTheirDomainFields() {
        post("predict-load", body("predict-load"), RIDER).body("predicted_swaps_per_hour", greaterThan(0f))
                .body("model", equalTo("load"));
        post("predict-fault", body("predict-fault"), RIDER)
                .body("fault_probability", allOf(greaterThanOrEqualTo(0f), lessThanOrEqualTo(1f)))
                .body("risk_level", oneOf("low", "medium", "high"));
        post("predict-action", body("predict-action"), RIDER).body("action", equalTo("add_staff"))
                .body("priority", equalTo("high")).body("probabilities.add_staff", greaterThan(0.5f));
        post("forecast-traffic", body("forecast-traffic"), RIDER).body("curve", hasSize(12))
                .body("curve[0].hour", equalTo(6)).body("curve[11].hour", equalTo(17)).body("peak_hour", notNullValue());
        post("predict-micro-traffic", body("predict-micro-traffic"), RIDER).body("cells", hasSize(4))
                .body("cells.heat", everyItem(allOf(greaterThanOrEqualTo(0f), lessThanOrEqualTo(1f))))
                .body("hottest_geohash", notNullValue());
        post("predict-arrival", body("predict-arrival"), RIDER).body("minutes_to_next_customer", greaterThan(0f));
        post("predict-battery-trend", body("predict-battery-trend"), RIDER)
                .body("soh_slope_per_100_cycles", lessThanOrEqualTo(0f)).body("cycles_until_soh_75", greaterThan(0));
        post("predict-rebalancing", body("predict-rebalancing"), RIDER)
                .body("moves.find { it.to == 'B' }.count", greaterThan(0))
                .body("moves.find { it.to == 'B' }.from", startsWith("T-"))
                .body("stations", hasSize(3));
        post("predict-diversion", body("predict-diversion"), RIDER)
                .body("moves[0].to", equalTo("B")).body("moves[0].count", greaterThan(0))
                .body("stations.find { it.station_id == 'B' }.required_staff", greaterThan(1));
        post("predict-stock-order", body("predict-stock-order"), RIDER).body("order_quantity", greaterThan(0))
                .body("urgency", equalTo("critical"));
        post("predict-partner-allocation", body("predict-partner-allocation"), RIDER)
                .body("assignments[0].count", equalTo(8)).body("unassigned", equalTo(0))
                .body("assignments[0].estimated_turnaround_minutes", greaterThan(0f));
        post("predict-energy-stability", body("predict-energy-stability"), RIDER)
                .body("stability_score", allOf(greaterThanOrEqualTo(0f), lessThanOrEqualTo(100f)))
                .body("level", oneOf("stable", "watch", "unstable"));
        post("predict-station-reliability", body("predict-station-reliability"), RIDER)
                .body("reliability_score", allOf(greaterThan(0f), lessThanOrEqualTo(100f)));
    }

    @Test
    void repeatedRequestIsServedFromTheCache() {
        String json = body("predict-load");
        float first = post("predict-load", json, RIDER).statusCode(200).body("cached", equalTo(false))
                .extract().path("predicted_swaps_per_hour");
        // The answer is stored without delaying the response: allow the write a moment to land.
        boolean hit = false;
        for (int attempt = 0; attempt < 20 && !hit; attempt++) {
            hit = post("predict-load", json, TestTokens.bearer("usr-s-001", "staff")).statusCode(200)
                    .body("source", equalTo("onnx")).body("predicted_swaps_per_hour", equalTo(first))
                    .extract().<Boolean>path("cached");
            if (!hit) {
                sleep(50);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(hit, "the repeated request was never served from the cache");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void missingFeatureMakesTheFallbackAnswerAndSaysWhy() {
        post("predict-fault", """
                {"battery_id":"%s","soh":70,"cycles":900}""".formatted(UUID.randomUUID()), RIDER)
                .statusCode(200)
                .body("source", equalTo("fallback"))
                .body("model_version", equalTo("heuristic-v1"))
                .body("fallback_reason", containsString("temperature_c"))
                .body("fault_probability", equalTo(0.6f))
                .body("risk_level", equalTo("high"));
        post("predict-load", """
                {"station_id":"%s","city":"Atlantis","capacity":24,"recent_swaps_per_hour":5}"""
                .formatted(UUID.randomUUID()), RIDER)
                .statusCode(200).body("source", equalTo("fallback")).body("predicted_swaps_per_hour", equalTo(8.0f))
                .body("fallback_reason", containsString("city_index"));
    }

    @Test
    void disabledModelAnswersWithItsFallbackUntilReenabled() throws IOException {
        Files.createDirectories(MODELS_DIR);
        Files.writeString(MODELS_DIR.resolve("arrival.disabled"), "maintenance");
        reload().body("models.find { it.model == 'arrival' }.outcome", equalTo("disabled"));

        post("predict-arrival", body("predict-arrival"), RIDER).statusCode(200)
                .body("source", equalTo("fallback"))
                .body("minutes_to_next_customer", equalTo(5.0f))
                .body("fallback_reason", containsString("arrival.disabled"));
        given().header("Authorization", RIDER).when().get("/ai/model-status").then()
                .body("models.find { it.name == 'arrival' }.state", equalTo("fallback"))
                .body("fallback", equalTo(1));

        Files.delete(MODELS_DIR.resolve("arrival.disabled"));
        reload().body("models.find { it.model == 'arrival' }.outcome", equalTo("loaded"));
        post("predict-arrival", body("predict-arrival"), RIDER).body("source", equalTo("onnx"));
    }

    @Test
    void reloadRefusesCorruptFileAndTheOldModelKeepsServing() throws IOException {
        Files.createDirectories(MODELS_DIR);
        Files.write(MODELS_DIR.resolve("fault.onnx"), "definitely not protobuf".getBytes());

        reload().body("refused", equalTo(1))
                .body("models.find { it.model == 'fault' }.outcome", equalTo("refused"))
                .body("models.find { it.model == 'fault' }.state", equalTo("loaded"))
                .body("models.find { it.model == 'fault' }.origin", equalTo("bundled"))
                .body("models.find { it.model == 'fault' }.reason", containsString("not a loadable ONNX model"));
        post("predict-fault", body("predict-fault"), RIDER).statusCode(200).body("source", equalTo("onnx"));
        given().header("Authorization", ADMIN).when().get("/ai/model-status").then()
                .body("models.find { it.name == 'fault' }.last_refused.file", containsString("fault.onnx"));
    }

    @Test
    void reloadRefusesAFileWhoseMetadataDoesNotMatchTheEndpoint() throws IOException {
        Files.createDirectories(MODELS_DIR);
        // A valid ONNX model, but the load model's: other features than predict-arrival supplies.
        Files.write(MODELS_DIR.resolve("arrival.onnx"), bundled("load.onnx"));

        reload().body("models.find { it.model == 'arrival' }.outcome", equalTo("refused"))
                .body("models.find { it.model == 'arrival' }.reason", containsString("metadata name 'load'"))
                .body("models.find { it.model == 'arrival' }.state", equalTo("loaded"));
        post("predict-arrival", body("predict-arrival"), RIDER).body("source", equalTo("onnx"));
    }

    @Test
    void validFileInModelsDirOverridesTheBundledModelUntilRemoved() throws IOException {
        Files.createDirectories(MODELS_DIR);
        Files.write(MODELS_DIR.resolve("station-reliability.onnx"), bundled("station-reliability.onnx"));

        reload().body("models.find { it.model == 'station-reliability' }.outcome", equalTo("loaded"))
                .body("models.find { it.model == 'station-reliability' }.origin", equalTo("models-dir"));
        given().header("Authorization", ADMIN).when().get("/ai/model-status").then()
                .body("models.find { it.name == 'station-reliability' }.origin", equalTo("models-dir"));
        post("predict-station-reliability", body("predict-station-reliability"), RIDER).body("source", equalTo("onnx"));

        Files.delete(MODELS_DIR.resolve("station-reliability.onnx"));
        reload().body("models.find { it.model == 'station-reliability' }.origin", equalTo("bundled"));
    }

    @Test
    void modelStatusListsAllThirteenModelsWithTheirMetrics() {
        given().header("Authorization", TestTokens.bearer("usr-s-001", "staff")).when().get("/ai/model-status")
                .then().statusCode(200)
                .body("models", hasSize(13))
                .body("loaded", equalTo(13))
                .body("models.state", everyItem(equalTo("loaded")))
                .body("models.input_names", everyItem(equalTo(java.util.List.of("features"))))
                .body("models.find { it.name == 'fault' }.output_names", hasItem("fault_probability"))
                .body("models.find { it.name == 'action' }.classes", hasItem("pause_reservations"))
                .body("models.find { it.name == 'load' }.training_metrics.metric", equalTo("mae"))
                .body("models.find { it.name == 'load' }.training_metrics.metric_fallback", notNullValue())
                .body("models.find { it.name == 'load' }.training_metrics.improvement_pct", notNullValue());
    }

    @Test
    void invalidInputIsAProblemListingTheFields() {
        post("predict-fault", """
                {"soh":150,"cycles":-3}""", RIDER)
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://navswap.io/problems/validation-failed"))
                .body("errors.field", hasItem(containsString("soh")))
                .body("errors.field", hasItem(containsString("cycles")));
        post("predict-rebalancing", """
                {"stations":[{"station_id":"A","capacity":10,"charged":12}]}""", RIDER)
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(containsString("stations")));
        post("predict-micro-traffic", """
                {"geohashes":["not a geohash!"]}""", RIDER)
                .statusCode(400).body("errors.field", hasItem(containsString("geohashes")));
        post("predict-load", "{\"station_id\":", RIDER)
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://navswap.io/problems/malformed-json"));
    }

    @Test
    void predictionsNeedASignedInCallerAndReloadNeedsAnAdmin() {
        given().contentType("application/json").body(body("predict-load")).when().post("/ai/predict-load")
                .then().statusCode(401);
        given().header("Authorization", RIDER).when().post("/ai/models/reload").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    private static byte[] bundled(String file) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("models/" + file)) {
            return in.readAllBytes();
        }
    }
}
