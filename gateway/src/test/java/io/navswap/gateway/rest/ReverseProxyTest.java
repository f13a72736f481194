package io.navswap.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.embedded.TestTokens;
import io.navswap.gateway.support.FakeUpstream;
import io.navswap.shared.security.VerifiedTokenCache;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReverseProxyTest {
    private static final String PROBLEM = "https://navswap.io/problems/";
    private static FakeUpstream station;

    @Inject
    JWTParser parser;

    @BeforeAll
    static void startFakeStationService() {
        station = FakeUpstream.start();
    }

    /** Every test is its own user, so one test never spends another's rate-limit bucket. */
    private static String bearer() {
        return TestTokens.bearer("usr-proxy-" + UUID.randomUUID(), "consumer");
    }

    private static URI gateway(String pathAndQuery) {
        return URI.create("http://localhost:" + RestAssured.port + pathAndQuery);
    }

    @Test
    void forwardsMethodPathQueryHeadersAndBody() {
        String token = bearer();
        JsonObject echo = new JsonObject(given().urlEncodingEnabled(false).header("Authorization", token).header("X-Request-Id", "proxy-test-1")
                .header("X-Custom-Request", "kept")
                .contentType(ContentType.JSON).body("{\"battery_id\":\"BAT-1\",\"soh\":91.5}")
                .when().put("/station/echo/ST-DEL-001?limit=5&city=New%20Delhi")
                .then().statusCode(200)
                .header("X-Upstream", "fake")
                .header("X-Request-Id", "proxy-test-1")
                .header("X-RateLimit-Remaining", notNullValue())
                .extract().asString());
        assertEquals("PUT", echo.getString("method"));
        assertEquals("/station/echo/ST-DEL-001?limit=5&city=New%20Delhi", echo.getString("uri"));
        assertEquals("{\"battery_id\":\"BAT-1\",\"soh\":91.5}", echo.getString("body"));
        JsonObject headers = echo.getJsonObject("headers");
        assertEquals(token, headers.getString("authorization"));
        assertEquals("proxy-test-1", headers.getString("x-request-id"));
        assertEquals("kept", headers.getString("x-custom-request"));
        assertEquals("127.0.0.1", headers.getString("x-forwarded-for"));
        assertEquals("http", headers.getString("x-forwarded-proto"));
        assertEquals("localhost:" + RestAssured.port, headers.getString("x-forwarded-host"));
        assertEquals("33", headers.getString("content-length"));
        assertEquals("127.0.0.1:" + station.port(), headers.getString("host"));
    }

    @Test
    void dropsHopByHopHeadersBothWays() throws Exception {
        String request = "GET /station/echo/hop HTTP/1.1\r\n"
                + "Host: localhost:" + RestAssured.port + "\r\n"
                + "Authorization: " + bearer() + "\r\n"
                + "Connection: close, X-Hop\r\n"
                + "X-Hop: secret\r\n"
                + "Keep-Alive: timeout=5\r\n"
                + "Proxy-Authorization: Basic c2VjcmV0\r\n"
                + "X-Forwarded-For: 203.0.113.7\r\n"
                + "\r\n";
        String raw;
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            raw = readOneResponse(socket.getInputStream());
        }
        assertTrue(raw.startsWith("HTTP/1.1 200"), raw);
        String responseHead = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase();
        assertFalse(responseHead.contains("keep-alive: timeout=5"), "upstream Keep-Alive leaked: " + responseHead);
        assertTrue(responseHead.contains("x-upstream: fake"), responseHead);
        JsonObject headers = new JsonObject(raw.substring(raw.indexOf("\r\n\r\n") + 4)).getJsonObject("headers");
        assertFalse(headers.containsKey("x-hop"), headers.encode());
        assertFalse(headers.containsKey("keep-alive"), headers.encode());
        assertFalse(headers.containsKey("proxy-authorization"), headers.encode());
        assertEquals("203.0.113.7, 127.0.0.1", headers.getString("x-forwarded-for"));
    }

    @Test
    void streamsAChunkedRequestBody() throws Exception {
        byte[] body = "x".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(gateway("/batteries/upload"))
                .header("Authorization", bearer())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject echo = new JsonObject(response.body());
        assertEquals("POST", echo.getString("method"));
        assertEquals(body.length, echo.getString("body").length());
        assertEquals("chunked", echo.getJsonObject("headers").getString("transfer-encoding"));
    }

    @Test
    void relaysStatusHeadersAndRepeatedHeaders() {
        String token = bearer();
        Response teapot = given().header("Authorization", token).when().get("/station/status/418");
        teapot.then().statusCode(418).header("X-Custom", "yes").body(equalTo("status 418"));
        assertEquals(List.of("a=1", "b=2"), teapot.headers().getValues("Set-Cookie"));
        given().header("Authorization", token).when().delete("/station/status/204").then().statusCode(204)
                .header("X-Custom", "yes");
    }

    @Test
    void streamsTheAnswerAsTheServiceProducesIt() throws Exception {
        station.armStream();
        HttpRequest request = HttpRequest.newBuilder(gateway("/station/stream")).header("Authorization", bearer()).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).get(5, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-length").isEmpty());
        try (InputStream in = response.body()) {
            // The service holds back the rest until the first chunk has reached the client through the gateway.
            String first = readUntil(in, ';');
            assertEquals("first;", first);
            station.releaseStream();
            assertEquals("second;third", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void requestWithoutTokenIsForwardedForTheServiceToDecide() {
        int before = station.echoCount();
        given().when().get("/recommend").then().statusCode(200).body("uri", equalTo("/recommend"));
        assertEquals(before + 1, station.echoCount());
    }

    @Test
    void tokensAreCheckedByTheParserThatRemembersAcceptedOnes() {
        assertInstanceOf(VerifiedTokenCache.class, ClientProxy.unwrap(parser));
    }

    @Test
    void tamperedTokenIsRefusedAtTheEdge() {
        String token = bearer();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        // The genuine token is accepted (and remembered) first: its tampered copy must still be refused.
        given().header("Authorization", token).when().get("/station/echo").then().statusCode(200);
        int before = station.echoCount();
        given().header("Authorization", tampered).when().get("/station/echo").then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo(PROBLEM + "unauthorized"));
        given().header("Authorization", TestTokens.expired("usr-proxy-expired", "consumer"))
                .when().get("/partner-shops/PS-1").then().statusCode(401)
                .body("type", equalTo(PROBLEM + "unauthorized"));
        String foreignIssuer = Jwt.issuer("https://evil.example").audience(TestTokens.AUDIENCE).subject("usr-x")
                .groups("admin").expiresIn(600).jws().keyId("gateway-dev").sign("dev-keys/jwt-private.pem");
        given().header("Authorization", "Bearer " + foreignIssuer).when().get("/station/echo").then().statusCode(401);
        String serviceToken = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("queue-service")
                .groups("service").expiresIn(600).jws().keyId("service-dev").sign("dev-keys/service-private.pem");
        given().header("Authorization", "Bearer " + serviceToken).when().get("/station/echo").then().statusCode(401);
        assertEquals(before, station.echoCount(), "a refused request must not reach the service");
    }

    @Test
    void absentServiceIsServiceUnavailableProblem() {
        given().header("Authorization", bearer()).when().get("/queue/status/ST-DEL-001").then().statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "service-unavailable"))
                .body("detail", containsString("queue-service"));
        given().contentType(ContentType.JSON).body("{\"latitude\":1}").when().post("/location/update")
                .then().statusCode(503).body("detail", containsString("queue-service"));
        given().when().get("/ai/model-status").then().statusCode(503).body("detail", containsString("ai-service"));
    }

    @Test
    void silentServiceIsGatewayTimeoutProblem() {
        given().header("Authorization", bearer()).when().get("/station/slow").then().statusCode(504)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "upstream-timeout"))
                .body("detail", containsString("station-service"));
    }

    @Test
    void prefixesMatchWholePathSegmentsOnly() {
        String token = bearer();
        given().header("Authorization", token).when().get("/station").then().statusCode(200).body("uri", equalTo("/station"));
        given().header("Authorization", token).when().get("/stationX").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "not-found"));
        given().when().get("/batteries-extra/1").then().statusCode(404);
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        given().when().get("/nowhere/at/all").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "not-found"));
    }

    @Test
    void userOverTheRateLimitGetsTooManyRequestsWithRetryAfter() {
        String token = bearer();
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(given().header("Authorization", token).when().get("/station/echo/rate"));
        }
        Response first = answers.get(0);
        assertEquals(200, first.statusCode());
        assertEquals("4", first.header("X-RateLimit-Limit"));
        assertEquals("3", first.header("X-RateLimit-Remaining"));
        Response limited = answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElse(null);
        assertNotNull(limited, "burst 4 at 2/s must be exceeded by 12 back-to-back requests");
        limited.then().contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "rate-limited"));
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
        // Another user is not affected by this one's bucket.
        given().header("Authorization", bearer()).when().get("/station/echo/rate").then().statusCode(200);
    }

    @Test
    void rateLimitRecoversAfterRetryAfter() throws Exception {
        String token = bearer();
        Response limited = null;
        for (int i = 0; i < 12 && limited == null; i++) {
            Response answer = given().header("Authorization", token).when().get("/station/echo/recover");
            if (answer.statusCode() == 429) {
                limited = answer;
            }
        }
        assertNotNull(limited);
        Thread.sleep(Duration.ofSeconds(Long.parseLong(limited.header("Retry-After"))).toMillis() + 100);
        given().header("Authorization", token).when().get("/station/echo/recover").then().statusCode(200);
    }

    /** Reads a response with a Content-Length body, whether or not the server then closes the connection. */
    private static String readOneResponse(InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c == -1) {
                break;
            }
            head.write(c);
        }
        String headText = head.toString(StandardCharsets.US_ASCII);
        int length = headText.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .mapToInt(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElse(0);
        return headText + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String readUntil(InputStream in, char end) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            text.append((char) c);
            if (c == end) {
                break;
            }
        }
        return text.toString();
    }
}
