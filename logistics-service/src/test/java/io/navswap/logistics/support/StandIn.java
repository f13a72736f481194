package io.navswap.logistics.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Steers {@link StandInServers} from a test. */
public final class StandIn {
    private StandIn() {
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("navswap.test.stand-in-url", String.class);
    }

    public static void station(String id, double latitude, double longitude, int capacity) {
        given().baseUri(url()).contentType(ContentType.JSON)
                .body(Map.of("name", "Test " + id, "city", "Testville", "latitude", latitude, "longitude", longitude,
                        "capacity", capacity, "active", true))
                .put("/__control/station/" + id).then().statusCode(204);
    }

    public static void shop(String id, double latitude, double longitude, int capacity, int stock) {
        given().baseUri(url()).contentType(ContentType.JSON)
                // The shape of station-service's PartnerShopView.
                .body(Map.of("name", "Shop " + id, "city", "Testville", "latitude", latitude, "longitude", longitude,
                        "capacity", capacity, "stock", Map.of("at_partner", stock, "quarantined", 0),
                        "stock_total", stock, "free_slots", Math.max(0, capacity - stock)))
                .put("/__control/shop/" + id).then().statusCode(204);
    }

    public static void ai(boolean up) {
        given().baseUri(url()).contentType(ContentType.JSON).body(Map.of("up", up))
                .put("/__control/ai").then().statusCode(204);
    }

    public static void stationService(boolean up) {
        given().baseUri(url()).contentType(ContentType.JSON).body(Map.of("up", up))
                .put("/__control/station-service").then().statusCode(204);
    }

    public static int calls(String endpoint) {
        JsonPath counts = given().baseUri(url()).get("/__control/calls").then().statusCode(200).extract().jsonPath();
        Integer n = counts.get("'" + endpoint + "'");
        return n == null ? 0 : n;
    }
}
