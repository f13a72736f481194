package io.navswap.swap.rest;

import static io.restassured.RestAssured.given;

import io.navswap.embedded.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;

/** The HTTP calls the tests make, with real signed tokens. */
final class SwapApi {
    static final String PROBLEM = "https://navswap.io/problems/";

    private SwapApi() {
    }

    static String token(String userId, String role) {
        return TestTokens.bearer(userId, role);
    }

    static Map<String, Object> startBody(String reservationId, String userId, String stationId, String staffId,
            Double sohMin) {
        Map<String, Object> body = new HashMap<>();
        body.put("reservation_id", reservationId);
        body.put("user_id", userId);
        body.put("user_name", "Rider " + userId);
        body.put("station_id", stationId);
        body.put("staff_id", staffId);
        body.put("battery_soh_min", sohMin);
        return body;
    }

    static Response start(String swapId, Map<String, Object> body, String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON).body(body)
                .when().put("/swap/{id}/start", swapId);
    }

    static Map<String, Object> completeBody(String swapId, String oldBattery, String newBattery) {
        Map<String, Object> body = new HashMap<>();
        body.put("swap_id", swapId);
        body.put("old_battery_id", oldBattery);
        body.put("new_battery_id", newBattery);
        body.put("old_battery_soh", 81.5);
        body.put("faulty", false);
        body.put("swap_duration_seconds", 170);
        body.put("notes", "smooth");
        return body;
    }

    static Response complete(Map<String, Object> body, String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON).body(body)
                .when().post("/swap/complete");
    }

    static Response get(String swapId, String authorization) {
        return given().header("Authorization", authorization).when().get("/swap/{id}", swapId);
    }
}
