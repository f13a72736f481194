package io.navswap.queue.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;

/** The HTTP calls the tests make again and again. */
public final class QueueApi {
    private QueueApi() {
    }

    public static Response confirm(String userId, String stationId) {
        return confirm(Tokens.consumer(userId), stationId, null);
    }

    public static Response confirm(String authorization, String stationId, Double sohMin) {
        Map<String, Object> body = new HashMap<>();
        body.put("station_id", stationId);
        if (sohMin != null) {
            body.put("battery_soh_min", sohMin);
        }
        return given().header("Authorization", authorization).contentType(ContentType.JSON).body(body)
                .post("/queue/confirm");
    }

    /** Confirms and answers the JSON of the 201 answer, failing the test otherwise. */
    public static io.restassured.path.json.JsonPath confirmed(String userId, String stationId) {
        return confirm(userId, stationId).then().statusCode(201).extract().jsonPath();
    }

    public static Response verify(String authorization, String token, String stationId) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON)
                .body(Map.of("qr_token", token, "station_id", stationId))
                .post("/qr/verify");
    }

    public static Response reservation(String authorization, String queueId) {
        return given().header("Authorization", authorization).get("/queue/" + queueId);
    }

    public static Response cancel(String authorization, String queueId) {
        return given().header("Authorization", authorization).post("/queue/" + queueId + "/cancel");
    }

    public static Response status(String authorization, String stationId) {
        return given().header("Authorization", authorization).get("/queue/status/" + stationId);
    }

    public static Response location(String userId, double latitude, double longitude) {
        return given().header("Authorization", Tokens.consumer(userId)).contentType(ContentType.JSON)
                .body(Map.of("latitude", latitude, "longitude", longitude, "accuracy", 8.0))
                .post("/location/update");
    }

    /** A point {@code meters} due north of the stand-in station. */
    public static double latitudeNorthOfStation(double meters) {
        return PeerStandIns.STATION_LATITUDE + meters / 111_195.0;
    }
}
