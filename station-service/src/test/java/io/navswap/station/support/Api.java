package io.navswap.station.support;

import static io.restassured.RestAssured.given;

import io.navswap.embedded.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** HTTP helpers for the tests: tokens per role, and admin set-up of stations and batteries. */
public final class Api {
    public static final String ADMIN = "usr-a-001";
    public static final String STAFF = "usr-s-001";
    public static final String RIDER = "usr-c-001";
    private static final AtomicInteger SPOTS = new AtomicInteger();

    private Api() {
    }

    public static RequestSpecification as(String userId, String role) {
        return given().header("Authorization", TestTokens.bearer(userId, role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as(ADMIN, "admin");
    }

    public static RequestSpecification staff() {
        return as(STAFF, "staff");
    }

    public static RequestSpecification rider() {
        return as(RIDER, "consumer");
    }

    /** A point at least ~700 km from every other spot handed out in this JVM and from the seeded cities. */
    public static double[] newSpot() {
        int k = SPOTS.getAndIncrement();
        return new double[] { -10.0 + (k / 30) * 8.0, -170.0 + (k % 30) * 7.0 };
    }

    public static ValidatableResponse createStation(String id, String city, double latitude, double longitude,
            int capacity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("station_id", id);
        body.put("name", "Test " + id);
        body.put("city", city);
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        body.put("capacity", capacity);
        return admin().body(body).when().post("/station").then().statusCode(201);
    }

    public static ValidatableResponse commission(String batteryId, String stationId, double soh, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("battery_id", batteryId);
        body.put("station_id", stationId);
        body.put("soh", soh);
        body.put("cycles", 120);
        body.put("temperature_c", 31.5);
        body.put("status", status);
        return admin().body(body).when().post("/batteries").then().statusCode(201);
    }

    /** Puts a battery with a rider (commissioned at the station, then moved by an admin edit). */
    public static void withRider(String batteryId, String stationId, String riderId, double soh) {
        commission(batteryId, stationId, soh, "charged");
        admin().body(Map.of("status", "in_use", "location_type", "rider", "location_id", riderId))
                .when().put("/batteries/" + batteryId).then().statusCode(200);
    }

    public static String status(String batteryId) {
        return admin().when().get("/batteries/" + batteryId).then().statusCode(200).extract().path("status");
    }
}
