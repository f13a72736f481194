package io.navswap.station.rest;

import static io.navswap.station.support.Api.commission;
import static io.navswap.station.support.Api.createStation;
import static io.navswap.station.support.Api.rider;
import static io.navswap.station.support.Near.near;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.station.support.Api;
import io.navswap.station.support.Eventually;
import io.navswap.station.support.NeighbourStubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Nearest search and recommendations, each test on its own remote spot so others' stations never interfere. */
@QuarkusTest
class StationSearchTest {
    private static final AtomicInteger IDS = new AtomicInteger(100);

    private static String newId(String code) {
        return "ST-" + code + "-" + IDS.incrementAndGet();
    }

    /** A station {@code northKm} north of the spot, with charged batteries of the given SOH values. */
    private static String station(String code, double[] spot, double northKm, double... chargedSoh) {
        String id = newId(code);
        createStation(id, "Searchville", spot[0] + northKm / 111.195, spot[1], 20);
        for (int i = 0; i < chargedSoh.length; i++) {
            commission(String.format("BAT-%s-%02d", id.substring(3), i + 1), id, chargedSoh[i], "charged");
        }
        return id;
    }

    private static void awaitIndexed(double[] spot, int expected) {
        Eventually.holds(() -> rider().queryParam("latitude", spot[0]).queryParam("longitude", spot[1])
                .queryParam("max_distance_km", 50).when().get("/station/nearest").then().statusCode(200)
                .body("count", equalTo(expected)));
    }

    @Test
    void nearestOrdersByDistanceAndFiltersByBatteryHealth() {
        double[] spot = Api.newSpot();
        String far = station("TNE", spot, 8.0, 95.0);
        String near = station("TNE", spot, 1.0, 70.0);
        String middle = station("TNE", spot, 4.0, 85.0, 92.0);
        awaitIndexed(spot, 3);
        rider().queryParam("latitude", spot[0]).queryParam("longitude", spot[1]).when().get("/station/nearest").then()
                .statusCode(200)
                .body("stations.station_id", contains(near, middle, far))
                .body("stations[0].distance_km", near(1.0, 0.01))
                .body("max_distance_km", equalTo(10.0f));
        rider().queryParam("latitude", spot[0]).queryParam("longitude", spot[1]).queryParam("battery_soh_min", 90)
                .when().get("/station/nearest").then().statusCode(200)
                .body("stations.station_id", contains(middle, far))
                .body("stations[0].charged_available", equalTo(1))
                .body("stations[0].best_charged_soh", equalTo(92.0f))
                .body("battery_soh_min", equalTo(90.0f));
    }

    @Test
    void nearestHonoursRadiusAndLimit() {
        double[] spot = Api.newSpot();
        String a = station("TNR", spot, 2.0, 90.0);
        String b = station("TNR", spot, 6.0, 90.0);
        station("TNR", spot, 30.0, 90.0);
        awaitIndexed(spot, 3);
        rider().queryParam("latitude", spot[0]).queryParam("longitude", spot[1]).when().get("/station/nearest").then()
                .body("stations.station_id", contains(a, b));
        rider().queryParam("latitude", spot[0]).queryParam("longitude", spot[1]).queryParam("max_distance_km", 3)
                .when().get("/station/nearest").then().body("stations.station_id", contains(a));
        rider().queryParam("latitude", spot[0]).queryParam("longitude", spot[1]).queryParam("max_distance_km", 100)
                .queryParam("limit", 2).when().get("/station/nearest").then().body("count", equalTo(2))
                .body("stations.station_id", contains(a, b));
    }

    @Test
    void deactivatedStationLeavesNearestAndComesBack() {
        double[] spot = Api.newSpot();
        String id = station("TND", spot, 1.0, 90.0);
        awaitIndexed(spot, 1);
        Api.admin().body(Map.of("active", false)).when().put("/station/" + id).then().statusCode(200);
        rider().queryParam("latitude", spot[0]).queryParam("longitude", spot[1]).when().get("/station/nearest").then()
                .body("count", equalTo(0));
        Api.admin().body(Map.of("active", true, "latitude", spot[0] + 0.02)).when().put("/station/" + id).then()
                .statusCode(200);
        rider().queryParam("latitude", spot[0]).queryParam("longitude", spot[1]).when().get("/station/nearest").then()
                .body("stations.station_id", contains(id)).body("stations[0].distance_km", near(2.22, 0.01));
    }

    @Test
    void nearestRefusesOutOfRangeInputListingTheFields() {
        rider().queryParam("latitude", 91).queryParam("longitude", "east").queryParam("max_distance_km", 0)
                .queryParam("battery_soh_min", 101).queryParam("limit", 0)
                .when().get("/station/nearest").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://navswap.io/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder("latitude", "longitude", "max_distance_km", "battery_soh_min",
                        "limit"));
        rider().queryParam("longitude", 10).when().get("/station/nearest").then().statusCode(400)
                .body("errors.field", contains("latitude"));
        rider().queryParam("latitude", 10).queryParam("longitude", 10).queryParam("max_distance_km", 501)
                .when().get("/station/nearest").then().statusCode(400).body("errors.field", contains("max_distance_km"));
    }

    @Test
    void recommendRanksByWeightedScoreWithBreakdown() {
        double[] spot = Api.newSpot();
        String near = station("TRC", spot, 1.0, 90.0);
        String middle = station("TRC", spot, 3.0, 90.0);
        String far = station("TRC", spot, 6.0, 90.0);
        station("TRC", spot, 2.0); // no charged battery at all: never recommended
        awaitIndexed(spot, 4);
        JsonPath answer = rider().body(Map.of("latitude", spot[0], "longitude", spot[1], "battery_soh_min", 80))
                .when().post("/recommend").then().statusCode(200)
                .body("recommendations", hasSize(3))
                .body("recommendations.station_id", contains(near, middle, far))
                .body("recommendations.rank", contains(1, 2, 3))
                .body("weights.distance", equalTo(0.30f))
                .body("weights.queue", equalTo(0.40f))
                .body("weights.time", equalTo(0.30f))
                .body("considered_stations", equalTo(3))
                .extract().jsonPath();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> breakdown = answer.getMap("recommendations[" + i + "].breakdown");
            double distance = ((Number) breakdown.get("distance_km")).doubleValue();
            double distanceScore = ((Number) breakdown.get("distance_score")).doubleValue();
            double queueScore = ((Number) breakdown.get("queue_score")).doubleValue();
            double timeScore = ((Number) breakdown.get("time_score")).doubleValue();
            double travel = ((Number) breakdown.get("estimated_travel_minutes")).doubleValue();
            assertEquals(1.0 - distance / 10.0, distanceScore, 1e-3);
            assertEquals(1.0, queueScore, 1e-9, "empty queue scores 1");
            assertEquals(distance / 25.0 * 60.0, travel, 0.06);
            assertEquals(1.0 - travel / 60.0, timeScore, 2e-3);
            double score = answer.getDouble("recommendations[" + i + "].score");
            assertEquals(0.30 * distanceScore + 0.40 * queueScore + 0.30 * timeScore, score, 1e-3);
            assertEquals("ai-onnx", breakdown.get("wait_source"), "ai-service answered the arrival estimate");
        }
    }

    @Test
    void recommendUsesTheQueueReadModelAndTheHeuristicWhenAiCannotAnswer() {
        double[] spot = Api.newSpot();
        String busy = station("NOAI", spot, 1.0, 90.0);
        String quiet = station("NOAI", spot, 2.0, 90.0);
        awaitIndexed(spot, 2);
        for (int i = 0; i < 4; i++) {
            io.navswap.station.support.KafkaProbe.publish("navswap.swaps", "station:" + busy, "reservation.confirmed",
                    reservation("RSV-" + busy + "-" + i, busy, "confirmed"));
        }
        Eventually.holds(() -> Api.staff().when().get("/station/" + busy + "/status").then().body("queue_length", equalTo(4)));
        Eventually.holds(() -> rider().body(Map.of("latitude", spot[0], "longitude", spot[1])).when().post("/recommend")
                .then().statusCode(200)
                .body("recommendations.station_id", contains(quiet, busy))
                .body("recommendations[1].breakdown.queue_length", equalTo(4))
                .body("recommendations[1].breakdown.queue_score", equalTo(0.8f))
                .body("recommendations[1].breakdown.estimated_wait_minutes", equalTo(20.0f))
                .body("recommendations[1].breakdown.wait_source", equalTo("queue-heuristic")));
        rider().queryParam("latitude", spot[0]).queryParam("longitude", spot[1]).when().get("/station/nearest").then()
                .body("stations[0].queue_length", equalTo(4));
    }

    @Test
    void recommendUsesTheArrivalAnswerAsPacePerRiderAheadClampedToFifteenMinutes() {
        double[] spot = Api.newSpot();
        String usual = station("TRW", spot, 1.0, 90.0);
        String quiet = station("QUIETAI", spot, 2.0, 90.0);
        awaitIndexed(spot, 2);
        for (String id : List.of(usual, quiet)) {
            for (int i = 0; i < 2; i++) {
                io.navswap.station.support.KafkaProbe.publish("navswap.swaps", "station:" + id, "reservation.confirmed",
                        reservation("RSV-" + id + "-" + i, id, "confirmed"));
            }
            Eventually.holds(() -> Api.staff().when().get("/station/" + id + "/status").then()
                    .body("queue_length", equalTo(2)));
        }
        Eventually.holds(() -> {
            JsonPath answer = rider().body(Map.of("latitude", spot[0], "longitude", spot[1])).when().post("/recommend")
                    .then().statusCode(200).body("recommendations", hasSize(2)).extract().jsonPath();
            Map<String, Map<String, Object>> byStation = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                byStation.put(answer.getString("recommendations[" + i + "].station_id"),
                        answer.getMap("recommendations[" + i + "].breakdown"));
            }
            // queue_length × the model's minutes to the next customer ...
            assertEquals(2 * NeighbourStubs.ARRIVAL_MINUTES,
                    ((Number) byStation.get(usual).get("estimated_wait_minutes")).doubleValue(), 1e-9);
            assertEquals("ai-onnx", byStation.get(usual).get("wait_source"));
            // ... but a quiet hour's 45 minutes counts as 15 per rider ahead, not 90 minutes of waiting.
            assertEquals(2 * 15.0, ((Number) byStation.get(quiet).get("estimated_wait_minutes")).doubleValue(), 1e-9);
            assertEquals("ai-onnx", byStation.get(quiet).get("wait_source"));
        });
    }

    @Test
    void recommendAsksAiServiceOncePerStationAndHour() {
        double[] spot = Api.newSpot();
        String id = station("TRA", spot, 1.0, 90.0);
        awaitIndexed(spot, 1);
        for (int i = 0; i < 3; i++) {
            rider().body(Map.of("latitude", spot[0], "longitude", spot[1])).when().post("/recommend/optimal").then()
                    .statusCode(200).body("station_id", equalTo(id)).body("breakdown.wait_source", equalTo("ai-onnx"));
        }
        assertEquals(1, NeighbourStubs.calls("/ai/predict-arrival", id), "arrival estimates are cached");
        var sent = NeighbourStubs.lastRequest("/ai/predict-arrival", id);
        assertEquals(0, sent.get("queue_length").asInt());
        assertEquals(0.0, sent.get("recent_arrivals_per_hour").asDouble(), "no swap there in the last hour");
        assertTrue(sent.hasNonNull("city") && sent.hasNonNull("hour") && sent.hasNonNull("day_of_week"));
    }

    @Test
    void optimalIsTheBestOrANotFoundProblem() {
        double[] spot = Api.newSpot();
        String weak = station("TRO", spot, 1.0, 78.0);
        String strong = station("TRO", spot, 5.0, 96.0);
        awaitIndexed(spot, 2);
        rider().body(Map.of("latitude", spot[0], "longitude", spot[1], "battery_soh_min", 90)).when()
                .post("/recommend/optimal").then().statusCode(200)
                .body("station_id", equalTo(strong)).body("rank", equalTo(1));
        rider().body(Map.of("latitude", spot[0], "longitude", spot[1])).when().post("/recommend/optimal").then()
                .statusCode(200).body("station_id", equalTo(weak));
        rider().body(Map.of("latitude", spot[0], "longitude", spot[1], "battery_soh_min", 99)).when()
                .post("/recommend/optimal").then().statusCode(404)
                .body("type", equalTo("https://navswap.io/problems/no-suitable-station"));
        rider().body(Map.of("latitude", spot[0], "longitude", spot[1], "battery_soh_min", 99)).when()
                .post("/recommend").then().statusCode(200).body("recommendations", hasSize(0));
    }

    @Test
    void recommendRefusesOutOfRangeInput() {
        rider().body(Map.of("latitude", -91, "longitude", 200, "battery_soh_min", -1, "max_distance_km", 0))
                .when().post("/recommend").then().statusCode(400)
                .body("type", equalTo("https://navswap.io/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder("latitude", "longitude", "battery_soh_min", "max_distance_km"));
        rider().body("{}").when().post("/recommend/optimal").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("latitude", "longitude"));
        List<Integer> statuses = List.of(
                rider().body("{\"latitude\": \"x\", \"longitude\": 1}").when().post("/recommend").statusCode(),
                rider().body("not json").when().post("/recommend").statusCode());
        assertTrue(statuses.stream().allMatch(s -> s == 400), statuses.toString());
    }

    @Test
    void transporterMayAskButAnonymousMayNot() {
        Api.as("usr-t-001", "transporter").queryParam("latitude", 0).queryParam("longitude", 0)
                .when().get("/station/nearest").then().statusCode(200);
        io.restassured.RestAssured.given().queryParam("latitude", 0).queryParam("longitude", 0)
                .when().get("/station/nearest").then().statusCode(401);
    }

    static Map<String, Object> reservation(String reservationId, String stationId, String status) {
        Map<String, Object> data = new HashMap<>();
        data.put("reservation_id", reservationId);
        data.put("user_id", "usr-c-0" + Math.abs(reservationId.hashCode() % 50));
        data.put("station_id", stationId);
        data.put("status", status);
        data.put("changed_at", java.time.Instant.now().toString());
        return data;
    }
}
