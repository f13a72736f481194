package io.navswap.station.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.navswap.embedded.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StationResourceTest {

    @Test
    void listRequiresToken() {
        given().when().get("/station/list").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://navswap.io/problems/unauthorized"));
    }

    @Test
    void listAnswersAnySignedInRole() {
        given().header("Authorization", TestTokens.bearer("usr-c-001", "consumer"))
                .when().get("/station/list").then().statusCode(200);
    }

    @Test
    void expiredTokenIsRefused() {
        given().header("Authorization", TestTokens.expired("usr-c-001", "consumer"))
                .when().get("/station/list").then().statusCode(401);
    }

    @Test
    void serviceTokenCannotActAsUser() {
        given().header("Authorization", "Bearer " + io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).subject("queue-service").groups(java.util.Set.of("admin", "service"))
                .jws().keyId("service-dev").sign("dev-keys/service-private.pem"))
                .when().get("/station/list").then().statusCode(403);
    }

    @Test
    void unknownPathIsProblem() {
        given().when().get("/nowhere").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void healthChecksBackends() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
