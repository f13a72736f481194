package io.navswap.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.embedded.TestTokens;
import io.navswap.gateway.repository.UserRepository;
import io.navswap.gateway.seed.UserSeeder;
import io.navswap.shared.seed.SeedCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthResourceTest {
    private static final String PROBLEM = "https://navswap.io/problems/";

    @Inject
    UserSeeder seeder;

    @Inject
    UserRepository users;

    private static String uniqueEmail(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private static Response register(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/auth/register");
    }

    private static Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/auth/login");
    }

    private static JsonObject part(String token, int index) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    @Test
    void registerLoginAndMeGiveTheSameAccount() {
        String email = uniqueEmail("Rider");
        String id = register(Map.of("email", email.toUpperCase(), "password", "Secret#123", "name", "Asha Rao"))
                .then().statusCode(201)
                .body("email", equalTo(email.toLowerCase()))
                .body("role", equalTo("consumer"))
                .body("active", equalTo(true))
                .body("created_at", notNullValue())
                .body("$", not(hasKey("password_hash")))
                .body("$", not(hasKey("password")))
                .extract().path("id");

        Response answer = login(email, "Secret#123");
        answer.then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("user.id", equalTo(id))
                .body("user.email", equalTo(email.toLowerCase()))
                .body("user.name", equalTo("Asha Rao"))
                .body("user.role", equalTo("consumer"));
        String token = answer.path("access_token");

        JsonObject header = part(token, 0);
        JsonObject claims = part(token, 1);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("gateway-dev", header.getString("kid"));
        assertEquals(id, claims.getString("sub"));
        assertEquals(email.toLowerCase(), claims.getString("upn"));
        assertEquals("consumer", claims.getJsonArray("groups").getString(0));
        assertEquals(1, claims.getJsonArray("groups").size());
        assertEquals("Asha Rao", claims.getString("name"));
        assertEquals(TestTokens.ISSUER, claims.getString("iss"));
        assertTrue(claims.getValue("aud").toString().contains(TestTokens.AUDIENCE));
        assertTrue(claims.getLong("exp") - claims.getLong("iat") <= Duration.ofHours(1).toSeconds());

        given().header("Authorization", "Bearer " + token).when().get("/auth/me").then().statusCode(200)
                .body("id", equalTo(id)).body("email", equalTo(email.toLowerCase()))
                .body("$", not(hasKey("password_hash")));
    }

    @Test
    void duplicateEmailIsConflictWhateverItsCase() {
        String email = uniqueEmail("dup");
        register(Map.of("email", email, "password", "Secret#123", "name", "First")).then().statusCode(201);
        register(Map.of("email", email.toUpperCase(), "password", "Other#1234", "name", "Second"))
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "email-taken"));
    }

    @Test
    void consumerCannotCreateAnAdminButAnAdminCan() {
        String riderEmail = uniqueEmail("rider");
        register(Map.of("email", riderEmail, "password", "Secret#123", "name", "Rider")).then().statusCode(201);
        String riderToken = login(riderEmail, "Secret#123").path("access_token");

        Map<String, Object> wantsAdmin = Map.of("email", uniqueEmail("boss"), "password", "Secret#123",
                "name", "Would-be admin", "role", "admin");
        given().header("Authorization", "Bearer " + riderToken).contentType(ContentType.JSON).body(wantsAdmin)
                .when().post("/auth/register").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "forbidden"));
        register(Map.of("email", uniqueEmail("anon"), "password", "Secret#123", "name", "Anon", "role", "staff"))
                .then().statusCode(403).body("type", equalTo(PROBLEM + "forbidden"));

        String staffEmail = uniqueEmail("staff");
        given().header("Authorization", TestTokens.bearer("usr-test-admin-" + UUID.randomUUID(), "admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("email", staffEmail, "password", "Staff#12345", "name", "New Staff", "role", "staff"))
                .when().post("/auth/register").then().statusCode(201).body("role", equalTo("staff"));
        login(staffEmail, "Staff#12345").then().statusCode(200).body("user.role", equalTo("staff"));
    }

    @Test
    void expiredAdminTokenCannotCreateStaff() {
        given().header("Authorization", TestTokens.expired("usr-test-admin-old", "admin")).contentType(ContentType.JSON)
                .body(Map.of("email", uniqueEmail("late"), "password", "Staff#12345", "name", "Late", "role", "staff"))
                .when().post("/auth/register").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = uniqueEmail("careful");
        register(Map.of("email", email, "password", "Secret#123", "name", "Careful")).then().statusCode(201);
        String wrong = login(email, "Secret#124").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "invalid-credentials")).extract().path("detail");
        String unknown = login(uniqueEmail("nobody"), "Secret#123").then().statusCode(401)
                .body("type", equalTo(PROBLEM + "invalid-credentials")).extract().path("detail");
        assertEquals(wrong, unknown);
    }

    @Test
    void fiveFailuresThrottleEvenTheRightPassword() {
        String email = uniqueEmail("guessed");
        register(Map.of("email", email, "password", "Secret#123", "name", "Target")).then().statusCode(201);
        for (int attempt = 1; attempt <= 5; attempt++) {
            login(email, "guess-" + attempt).then().statusCode(401);
        }
        Response throttled = login(email.toUpperCase(), "Secret#123");
        throttled.then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "login-throttled"));
        int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
    }

    @Test
    void invalidRegistrationListsEveryBadField() {
        register(Map.of("email", "not-an-email", "password", "short", "name", " ", "role", "pilot"))
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "validation-failed"))
                .body("errors.field", containsInAnyOrder("email", "password", "name", "role"));
    }

    @Test
    void passwordLongerThanBcryptReadsIsRefused() {
        register(Map.of("email", uniqueEmail("long"), "password", "é".repeat(37), "name", "Long"))
                .then().statusCode(400).body("errors.field", containsInAnyOrder("password"));
    }

    @Test
    void malformedJsonIsBadRequestProblem() {
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.c\", \"password\": ")
                .when().post("/auth/register").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "malformed-json"));
    }

    @Test
    void wellFormedJsonOfTheWrongShapeIsBadRequestProblem() {
        given().contentType(ContentType.JSON).body("[]").when().post("/auth/login").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "malformed-json"));
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.c\", \"password\": {\"x\": 1}}")
                .when().post("/auth/login").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("password"));
    }

    @Test
    void meNeedsAToken() {
        given().when().get("/auth/me").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void seededAdminListsUsersWithoutHashes() {
        var admin = SeedCatalog.users("admin").get(0);
        String token = login(admin.email(), admin.password()).then().statusCode(200)
                .body("user.id", equalTo(admin.id())).extract().path("access_token");
        given().header("Authorization", "Bearer " + token).when().get("/admin/users?role=admin&page=0&size=2")
                .then().statusCode(200)
                .body("total", equalTo(SeedCatalog.ADMINS))
                .body("items.size()", equalTo(2))
                .body("items.role", everyItem(equalTo("admin")))
                .body("items[0]", not(hasKey("password_hash")));
        given().header("Authorization", TestTokens.bearer("usr-test-rider-" + UUID.randomUUID(), "consumer"))
                .when().get("/admin/users").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", TestTokens.bearer("usr-test-admin-" + UUID.randomUUID(), "admin"))
                .when().get("/admin/users?size=500&page=abc").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "validation-failed"))
                .body("errors.field", containsInAnyOrder("page", "size"));
    }

    @Test
    void seedingAgainChangesNothing() {
        long before = users.count().await().atMost(Duration.ofSeconds(10));
        assertEquals(0, seeder.seed());
        assertEquals(before, users.count().await().atMost(Duration.ofSeconds(10)));
        var staff = SeedCatalog.users("staff").get(0);
        login(staff.email(), staff.password()).then().statusCode(200).body("user.role", equalTo("staff"));
    }
}
