package io.navswap.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.navswap.gateway.support.FakeUpstream;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndDocsTest {
    private static final String PROBLEM = "https://navswap.io/problems/";

    @BeforeAll
    static void startFakeStationService() {
        FakeUpstream.start();
    }

    @Test
    void healthIsDownWhileServicesAreMissing() {
        given().when().get("/health").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("services.gateway", equalTo("UP"))
                .body("services.station-service", equalTo("UP"))
                .body("services.queue-service", equalTo("DOWN"))
                .body("services.swap-service", equalTo("DOWN"))
                .body("services.logistics-service", equalTo("DOWN"))
                .body("services.staff-service", equalTo("DOWN"))
                .body("services.ai-service", equalTo("DOWN"));
    }

    @Test
    void mergedDocumentHasGatewayAndServicePaths() {
        given().when().get("/docs/openapi.json").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("paths", hasKey("/auth/login"))
                .body("paths", hasKey("/auth/register"))
                .body("paths", hasKey("/auth/me"))
                .body("paths", hasKey("/admin/users"))
                .body("paths", hasKey("/health"))
                .body("paths", hasKey("/station/echo"))
                .body("paths.'/station/echo'.x-navswap-service", equalTo("station-service"))
                .body("paths.'/auth/login'.x-navswap-service", equalTo("gateway"))
                // Only what the gateway routes: a service path outside its prefixes is not reachable.
                .body("paths", not(hasKey("/internal/only")))
                // Same schema name, different shape: the service's copy is qualified and its refs follow.
                .body("components.schemas", hasKey("UserView"))
                .body("components.schemas", hasKey("station-service.UserView"))
                .body("paths.'/station/echo'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/station-service.UserView"))
                .body("x-navswap-unavailable", containsInAnyOrder("queue-service", "swap-service",
                        "logistics-service", "staff-service", "ai-service"))
                .body("x-navswap-services.station-service.status", equalTo("UP"));
    }

    @Test
    void docsPageListsEveryOperation() {
        given().when().get("/docs").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("/auth/login"))
                .body(containsString("/station/echo"))
                .body(containsString("queue-service"))
                .body(containsString("/docs/openapi.json"));
    }

    @Test
    void eachServiceDocumentIsServedOrExplained() {
        given().when().get("/docs/openapi/station-service").then().statusCode(200)
                .body("paths", hasKey("/internal/only"));
        given().when().get("/docs/openapi/gateway").then().statusCode(200)
                .body("paths", hasKey("/auth/login"));
        given().when().get("/docs/openapi/queue-service").then().statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "service-unavailable"));
        given().when().get("/docs/openapi/nothing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "unknown-service"));
    }

    @Test
    void swaggerUiOffersTheGatewayDocuments() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
