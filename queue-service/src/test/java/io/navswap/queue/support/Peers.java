package io.navswap.queue.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Steers the {@link PeerStandIns} from a test. */
public final class Peers {
    private Peers() {
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue("navswap.test.peers-url", String.class);
    }

    public static void onDuty(String stationId, String staffId, boolean onDuty) {
        given().baseUri(url()).contentType(ContentType.JSON)
                .body(Map.of("station_id", stationId, "staff_id", staffId, "on_duty", onDuty))
                .post("/__stub/duty").then().statusCode(204);
    }

    public static void staffServiceDownFor(String staffId, boolean down) {
        given().baseUri(url()).contentType(ContentType.JSON).body(Map.of("staff_id", staffId, "down", down))
                .post("/__stub/staff-down").then().statusCode(204);
    }

    public static void swapServiceDown(boolean down) {
        given().baseUri(url()).contentType(ContentType.JSON).body(Map.of("down", down))
                .post("/__stub/swap-down").then().statusCode(204);
    }

    /** The last {@code POST /ai/predict-arrival} body received for a station. */
    public static JsonPath lastArrivalRequest(String stationId) {
        return given().baseUri(url()).get("/__stub/arrival-request/" + stationId).then().statusCode(200).extract()
                .jsonPath();
    }

    /** Bodies of the {@code PUT /swap/{id}/start} calls received, each with its swap id and Authorization. */
    public static List<Map<String, Object>> swapStarts() {
        JsonPath json = given().baseUri(url()).get("/__stub/swap-starts").then().statusCode(200).extract().jsonPath();
        return json.getList("$");
    }
}
