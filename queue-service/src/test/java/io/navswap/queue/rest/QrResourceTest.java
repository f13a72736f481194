package io.navswap.queue.rest;

import static io.navswap.queue.support.QueueApi.cancel;
import static io.navswap.queue.support.QueueApi.confirmed;
import static io.navswap.queue.support.QueueApi.latitudeNorthOfStation;
import static io.navswap.queue.support.QueueApi.location;
import static io.navswap.queue.support.QueueApi.reservation;
import static io.navswap.queue.support.QueueApi.verify;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.navswap.queue.domain.QrClaims;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.repository.QrTokenRepository;
import io.navswap.queue.repository.ReservationRepository;
import io.navswap.queue.service.QrTokenSigner;
import io.navswap.queue.support.EventTap;
import io.navswap.queue.support.PeerStandIns;
import io.navswap.queue.support.Peers;
import io.navswap.queue.support.Tokens;
import io.navswap.shared.events.Topics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QrResourceTest {
    private static final String PROBLEM = "https://navswap.io/problems/";

    @TestHTTPResource("/")
    URL base;

    @Inject
    QrTokenSigner signer;

    @Inject
    ReservationRepository reservations;

    @Inject
    QrTokenRepository qrTokens;

    /** A rider with a fresh reservation at a fresh station, and a staff member on duty there. */
    record Scene(String rider, String station, String queueId, String token, String staff) {
        static Scene create(String prefix) {
            String rider = "usr-t-" + Tokens.unique();
            String station = "ST-T-" + prefix + "-" + Tokens.unique();
            JsonPath confirmed = confirmed(rider, station);
            String staff = "usr-s-" + Tokens.unique();
            Peers.onDuty(station, staff, true);
            return new Scene(rider, station, confirmed.getString("queue_id"), confirmed.getString("qr_token"), staff);
        }
    }

    @Test
    void verifyStartsTheSwapForStaffOnDuty() {
        String rider = "usr-t-" + Tokens.unique();
        String station = "ST-T-VERIFY-" + Tokens.unique();
        JsonPath confirmed = QueueApiWithName.confirm(rider, station, "Diya Nair");
        String staff = "usr-s-" + Tokens.unique();
        Peers.onDuty(station, staff, true);
        String staffToken = Tokens.staff(staff);

        JsonPath verified = verify(staffToken, confirmed.getString("qr_token"), station).then().statusCode(200)
                .body("valid", equalTo(true))
                .body("swap_id", startsWith("swp-"))
                .body("queue_id", equalTo(confirmed.getString("queue_id")))
                .body("user_id", equalTo(rider))
                .body("user_name", equalTo("Diya Nair"))
                .body("station_id", equalTo(station))
                .body("message", containsString("started"))
                .extract().jsonPath();
        String swapId = verified.getString("swap_id");

        reservation(Tokens.consumer(rider), confirmed.getString("queue_id")).then().statusCode(200)
                .body("status", equalTo("in_progress")).body("swap_id", equalTo(swapId));
        List<Map<String, Object>> starts = Peers.swapStarts().stream()
                .filter(s -> swapId.equals(s.get("swap_id"))).toList();
        assertThat(starts, hasSize(1));
        assertThat(starts.get(0).get("reservation_id"), equalTo(confirmed.getString("queue_id")));
        assertThat(starts.get(0).get("staff_id"), equalTo(staff));
        assertThat(starts.get(0).get("user_name"), equalTo("Diya Nair"));
        assertThat(starts.get(0).get("authorization"), equalTo(staffToken));
        var started = EventTap.await(Topics.SWAPS,
                EventTap.about("reservation.started", "reservation_id", confirmed.getString("queue_id")), 1,
                Duration.ofSeconds(15));
        assertThat(started, hasSize(1));
        assertThat(started.get(0).path("data").path("swap_id").asText(), equalTo(swapId));
        assertThat(started.get(0).path("data").path("staff_id").asText(), equalTo(staff));
        assertThat(qrTokens.findById(claims(confirmed.getString("qr_token")).n()).await().indefinitely().usedBy,
                equalTo(staff));
    }

    @Test
    void tamperedTokensAreInvalid() {
        Scene scene = Scene.create("TAMPER");
        String token = scene.token();
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)));
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(scene.station(), scene.station() + "X").getBytes())
                + token.substring(dot);
        String flipped = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        for (String bad : List.of(forged, flipped, "not-a-token", "a.b", token + ".x")) {
            verify(Tokens.staff(scene.staff()), bad, scene.station()).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(PROBLEM + "qr-invalid-signature"));
        }
        verify(Tokens.staff(scene.staff()), token, scene.station()).then().statusCode(200);
    }

    @Test
    void expiredTokenIsRefused() {
        Scene scene = Scene.create("EXPIRED");
        QrClaims live = claims(scene.token());
        long past = Instant.now().minus(Duration.ofMinutes(20)).getEpochSecond();
        String expired = signer.sign(new QrClaims(1, live.kid(), live.rid(), live.sub(), live.st(), past,
                past + 15 * 60, live.n()));
        verify(Tokens.staff(scene.staff()), expired, scene.station()).then().statusCode(410)
                .body("type", equalTo(PROBLEM + "qr-expired"));
    }

    @Test
    void tokenForAnotherStationIsRefused() {
        Scene scene = Scene.create("WRONGST");
        String elsewhere = "ST-T-ELSEWHERE-" + Tokens.unique();
        Peers.onDuty(elsewhere, scene.staff(), true);
        verify(Tokens.staff(scene.staff()), scene.token(), elsewhere).then().statusCode(403)
                .body("type", equalTo(PROBLEM + "qr-wrong-station"));
    }

    @Test
    void usedTokenCannotStartASecondSwap() {
        Scene scene = Scene.create("REUSE");
        verify(Tokens.staff(scene.staff()), scene.token(), scene.station()).then().statusCode(200);
        verify(Tokens.staff(scene.staff()), scene.token(), scene.station()).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "qr-already-used"));
        verify(Tokens.admin("usr-a-001"), scene.token(), scene.station()).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "qr-already-used"));
    }

    @Test
    void tokenOfCancelledReservationIsRefused() {
        Scene scene = Scene.create("CANCELLED");
        cancel(Tokens.consumer(scene.rider()), scene.queueId()).then().statusCode(200);
        verify(Tokens.staff(scene.staff()), scene.token(), scene.station()).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "reservation-not-active"));
    }

    @Test
    void onlyStaffOnDutyThereOrAdminMayVerify() {
        Scene scene = Scene.create("ROLES");
        verify(Tokens.consumer(scene.rider()), scene.token(), scene.station()).then().statusCode(403)
                .body("type", equalTo(PROBLEM + "forbidden"));
        String otherStaff = "usr-s-" + Tokens.unique();
        Peers.onDuty("ST-T-SOMEWHERE-ELSE", otherStaff, true);
        verify(Tokens.staff(otherStaff), scene.token(), scene.station()).then().statusCode(403)
                .body("type", equalTo(PROBLEM + "staff-not-on-duty"));
        given().contentType("application/json").body(Map.of("qr_token", scene.token(), "station_id", scene.station()))
                .post("/qr/verify").then().statusCode(401);
        verify(Tokens.admin("usr-a-003"), scene.token(), scene.station()).then().statusCode(200);
    }

    @Test
    void staffServiceOutageUsesTheCachedAnswerOrRefuses() {
        Scene first = Scene.create("OUTAGE");
        verify(Tokens.staff(first.staff()), first.token(), first.station()).then().statusCode(200);

        // Same staff member and station, staff-service now down: the remembered answer decides.
        Peers.staffServiceDownFor(first.staff(), true);
        String rider = "usr-t-" + Tokens.unique();
        JsonPath second = confirmed(rider, first.station());
        verify(Tokens.staff(first.staff()), second.getString("qr_token"), first.station()).then().statusCode(200);

        // Nobody ever asked about this one: no cached answer, so the scan is refused.
        String stranger = "usr-s-" + Tokens.unique();
        Peers.staffServiceDownFor(stranger, true);
        JsonPath third = confirmed("usr-t-" + Tokens.unique(), first.station());
        verify(Tokens.staff(stranger), third.getString("qr_token"), first.station()).then().statusCode(503)
                .body("type", equalTo(PROBLEM + "staff-check-unavailable"));
        Peers.staffServiceDownFor(first.staff(), false);
        Peers.staffServiceDownFor(stranger, false);
    }

    @Test
    void tenConcurrentScansOfOneTokenSucceedOnce() throws Exception {
        Scene scene = Scene.create("RACE");
        String staffToken = Tokens.staff(scene.staff());
        // Prime the duty cache so all ten race on the reservation, not on staff-service.
        Peers.onDuty(scene.station(), scene.staff(), true);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String body = "{\"qr_token\":\"" + scene.token() + "\",\"station_id\":\"" + scene.station() + "\"}";
        List<CompletableFuture<HttpResponse<String>>> scans = IntStream.range(0, 10)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(base + "qr/verify"))
                        .header("Authorization", staffToken).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        CompletableFuture.allOf(scans.toArray(CompletableFuture[]::new)).get();
        List<HttpResponse<String>> answers = scans.stream().map(CompletableFuture::join).toList();

        assertThat(answers.stream().filter(r -> r.statusCode() == 200).toList(), hasSize(1));
        List<HttpResponse<String>> losers = answers.stream().filter(r -> r.statusCode() != 200).toList();
        assertThat(losers.stream().map(HttpResponse::statusCode).toList(), everyItem(is(409)));
        assertThat(losers.stream().map(HttpResponse::body).toList(), everyItem(containsString("qr-already-used")));
        Reservation after = reservations.byId(scene.queueId()).await().indefinitely();
        assertThat(after.version, equalTo(1L));
        EventTap.sleep(1_000);
        assertThat(EventTap.read(Topics.SWAPS, EventTap.about("reservation.started", "reservation_id", scene.queueId())),
                hasSize(1));
    }

    @Test
    void tokensOfAnEarlierKeyStillVerifyWhileConfigured() {
        Scene scene = Scene.create("ROTATE");
        QrClaims current = claims(scene.token());
        assertThat(current.kid(), equalTo("k2"));
        String oldKeyToken = signer.sign(new QrClaims(1, "k1", current.rid(), current.sub(), current.st(),
                current.iat(), current.exp(), current.n()));
        verify(Tokens.staff(scene.staff()), oldKeyToken, scene.station()).then().statusCode(200);

        // The public development key is not accepted once another key is active.
        Scene other = Scene.create("DEVKEY");
        QrClaims devClaims = claims(other.token());
        String devToken = QrTokenTestKeys.signWithDevKey(new QrClaims(1, "dev", devClaims.rid(), devClaims.sub(),
                devClaims.st(), devClaims.iat(), devClaims.exp(), devClaims.n()));
        verify(Tokens.staff(other.staff()), devToken, other.station()).then().statusCode(400)
                .body("type", equalTo(PROBLEM + "qr-invalid-signature"));
    }

    @Test
    void swapServiceOutageDoesNotBlockTheScan() {
        Scene scene = Scene.create("SWAPOUTAGE");
        Peers.swapServiceDown(true);
        try {
            verify(Tokens.staff(scene.staff()), scene.token(), scene.station()).then().statusCode(200)
                    .body("valid", equalTo(true))
                    .body("message", containsString("reservation event"));
        } finally {
            Peers.swapServiceDown(false);
        }
        assertThat(EventTap.await(Topics.SWAPS, EventTap.about("reservation.started", "reservation_id", scene.queueId()),
                1, Duration.ofSeconds(15)), hasSize(1));
    }

    @Test
    void freshQrReplacesThePreviousToken() {
        Scene scene = Scene.create("FRESH");
        given().header("Authorization", Tokens.consumer("usr-t-intruder")).post("/queue/" + scene.queueId() + "/qr")
                .then().statusCode(403);
        JsonPath fresh = given().header("Authorization", Tokens.consumer(scene.rider()))
                .post("/queue/" + scene.queueId() + "/qr").then().statusCode(200)
                .body("queue_id", equalTo(scene.queueId()))
                .body("station_id", equalTo(scene.station()))
                .extract().jsonPath();
        verify(Tokens.staff(scene.staff()), scene.token(), scene.station()).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "qr-superseded"));
        verify(Tokens.staff(scene.staff()), fresh.getString("qr_token"), scene.station()).then().statusCode(200);
        given().header("Authorization", Tokens.consumer(scene.rider())).post("/queue/" + scene.queueId() + "/qr")
                .then().statusCode(409).body("type", equalTo(PROBLEM + "reservation-not-active"));
        assertThat(qrTokens.findById(claims(scene.token()).n()).await().indefinitely().supersededAt != null, is(true));
    }

    @Test
    void scanAfterArrivalAndAFreshQrIsDecidedOnTheCurrentReservation() {
        // Arrival leaves this process a copy of the reservation; the fresh QR (version + 1) makes that copy stale,
        // and the copy's nonce is the superseded one: the scan must be decided again on the record, not refused.
        Scene scene = Scene.create("STALECOPY");
        location(scene.rider(), latitudeNorthOfStation(300), PeerStandIns.STATION_LONGITUDE).then().statusCode(200)
                .body("status", equalTo("arrived"));
        String fresh = given().header("Authorization", Tokens.consumer(scene.rider()))
                .post("/queue/" + scene.queueId() + "/qr").then().statusCode(200)
                .extract().jsonPath().getString("qr_token");

        verify(Tokens.staff(scene.staff()), fresh, scene.station()).then().statusCode(200)
                .body("valid", equalTo(true));

        Reservation started = reservations.findById(scene.queueId()).await().indefinitely();
        assertThat(started.status.wire(), equalTo("in_progress"));
        assertThat(started.usedQrNonce, equalTo(claims(fresh).n()));
        verify(Tokens.staff(scene.staff()), scene.token(), scene.station()).then().statusCode(409);
    }

    @Test
    void ownerGetsAScannablePng() throws Exception {
        Scene scene = Scene.create("IMAGE");
        JsonPath image = given().header("Authorization", Tokens.consumer(scene.rider()))
                .get("/qr/generate-image/" + scene.token()).then().statusCode(200)
                .body("qr_token", equalTo(scene.token()))
                .body("content_type", equalTo("image/png"))
                .extract().jsonPath();
        byte[] png = Base64.getDecoder().decode(image.getString("image_base64"));
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(picture)))).getText();
        assertThat(decoded, equalTo(scene.token()));

        given().header("Authorization", Tokens.consumer("usr-t-someone-else"))
                .get("/qr/generate-image/" + scene.token()).then().statusCode(403);
        given().header("Authorization", Tokens.consumer(scene.rider()))
                .get("/qr/generate-image/" + scene.token().replace('.', 'x') + ".AAAA").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "qr-invalid-signature"));
    }

    private QrClaims claims(String token) {
        return signer.verify(token, Instant.now());
    }
}
