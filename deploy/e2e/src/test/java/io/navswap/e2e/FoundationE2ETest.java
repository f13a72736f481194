package io.navswap.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.embedded.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Issue 2: authentication, routing, problem answers, rate limiting and docs through the gateway. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundationE2ETest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    @Order(1)
    void registerLoginAndMe() {
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        Gateway.anonymous().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "correct-horse-9", "name", "E2E Rider"))
                .post("/auth/register")
                .then().statusCode(201).body("role", equalTo("consumer")).body("email", equalTo(email));
        String token = Gateway.anonymous().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "correct-horse-9"))
                .post("/auth/login")
                .then().statusCode(200).body("token_type", equalTo("Bearer"))
                .body("expires_in", greaterThan(0))
                .extract().path("access_token");
        Gateway.anonymous().header("Authorization", "Bearer " + token).get("/auth/me")
                .then().statusCode(200).body("email", equalTo(email)).body("role", equalTo("consumer"));
    }

    @Test
    @Order(2)
    void adminReachesEverySixServices() {
        Map<String, String> oneCallPerService = Map.of(
                "station-service", "/station/list",
                "queue-service", "/queue/status/ST-DEL-001",
                "swap-service", "/swap/user/usr-c-001",
                "logistics-service", "/credits/usr-c-001",
                "staff-service", "/staff/station/ST-DEL-001",
                "ai-service", "/ai/model-status");
        oneCallPerService.forEach((service, path) -> Gateway.as(DemoUsers.ADMIN, DemoUsers.ADMIN_PASSWORD)
                .get(path).then().log().ifValidationFails().statusCode(200));
    }

    @Test
    @Order(3)
    void healthShowsEveryServiceUp() {
        Gateway.anonymous().get("/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("services", hasKey("ai-service")).body("services.'station-service'", equalTo("UP"));
    }

    @Test
    @Order(4)
    void missingTamperedOrExpiredTokenIs401() {
        Gateway.anonymous().get("/station/list").then().statusCode(401).contentType(startsWith(PROBLEM));

        String token = Gateway.token(DemoUsers.rider(1), DemoUsers.RIDER_PASSWORD);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"consumer\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Gateway.anonymous().header("Authorization", "Bearer " + tampered).get("/admin/users")
                .then().statusCode(401).contentType(startsWith(PROBLEM));
        Gateway.anonymous().header("Authorization", "Bearer " + tampered).get("/station/list")
                .then().statusCode(401).contentType(startsWith(PROBLEM));

        Gateway.anonymous().header("Authorization", TestTokens.expired("usr-c-001", "consumer"))
                .get("/station/list").then().statusCode(401).contentType(startsWith(PROBLEM));
    }

    @Test
    @Order(5)
    void consumerOnAdminPathIs403() {
        Gateway.as(DemoUsers.rider(2), DemoUsers.RIDER_PASSWORD).get("/admin/users")
                .then().statusCode(403).contentType(startsWith(PROBLEM));
    }

    @Test
    @Order(6)
    void malformedJsonAndOutOfRangeFieldAre400Problems() {
        Gateway.anonymous().contentType(ContentType.JSON).body("{\"email\": ").post("/auth/register")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("detail", notNullValue());
        Gateway.as(DemoUsers.rider(3), DemoUsers.RIDER_PASSWORD)
                .queryParam("latitude", 200).queryParam("longitude", 77.2)
                .get("/station/nearest")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItem("latitude"));
    }

    @Test
    @Order(7)
    void docsListEveryServicesPaths() {
        Response docs = Gateway.anonymous().get("/docs/openapi.json");
        docs.then().statusCode(200);
        Map<String, Object> paths = docs.path("paths");
        for (String prefix : List.of("/auth/login", "/station/", "/recommend", "/queue/", "/qr/", "/location/",
                "/swap/", "/transport/", "/credits/", "/staff/", "/tickets", "/ai/")) {
            assertTrue(paths.keySet().stream().anyMatch(p -> p.startsWith(prefix)), "docs lack " + prefix);
        }
        Gateway.anonymous().get("/docs").then().statusCode(200).contentType(startsWith("text/html"));
    }

    @Test
    @Order(8)
    void userOverTheRateLimitGets429WithRetryAfter() {
        String token = Gateway.token(DemoUsers.rider(4), DemoUsers.RIDER_PASSWORD);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> Gateway.anonymous()
                    .header("Authorization", "Bearer " + token).get("/auth/me")));
        }
        List<Response> limited = calls.stream().map(CompletableFuture::join)
                .filter(r -> r.statusCode() == 429).toList();
        assertTrue(!limited.isEmpty(), "60 calls at once must exceed a burst of 20");
        Response first = limited.get(0);
        assertTrue(Integer.parseInt(first.header("Retry-After")) >= 1);
        assertEquals(PROBLEM, first.contentType().split(";")[0]);
    }

    @Test
    @Order(9)
    void stoppedServiceIs503ProblemAndComesBack() throws Exception {
        var stack = RunningStack.get();
        stack.stopService("ai-service");
        try {
            Gateway.as(DemoUsers.ADMIN, DemoUsers.ADMIN_PASSWORD).get("/ai/model-status")
                    .then().statusCode(503).contentType(startsWith(PROBLEM))
                    .body("detail", notNullValue());
            Gateway.anonymous().get("/health").then().statusCode(503).body("services.'ai-service'", equalTo("DOWN"));
        } finally {
            stack.startService("ai-service");
        }
        Gateway.as(DemoUsers.ADMIN, DemoUsers.ADMIN_PASSWORD).get("/ai/model-status").then().statusCode(200);
    }
}
