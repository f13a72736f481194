package io.navswap.station.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
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
    void unknownPathIsProblem() {
        given().when().get("/nowhere").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void healthChecksBackends() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
