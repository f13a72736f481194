package io.navswap.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Talks to the stack the way a client app does: only through the gateway, with tokens from /auth/login. */
final class Gateway {
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Gateway() {
    }

    static String url() {
        return RunningStack.get().gatewayUrl();
    }

    static RequestSpecification anonymous() {
        return given().spec(new RequestSpecBuilder().setBaseUri(url()).build());
    }

    /** A request authenticated as the demo user with this email (logged in once per JVM). */
    static RequestSpecification as(String email, String password) {
        return anonymous().header("Authorization", "Bearer " + token(email, password));
    }

    static String token(String email, String password) {
        return TOKENS.computeIfAbsent(email, e -> anonymous().contentType(ContentType.JSON)
                .body(Map.of("email", e, "password", password))
                .post("/auth/login")
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    static String userId(String email, String password) {
        return as(email, password).get("/auth/me").then().statusCode(200).extract().path("id");
    }
}
