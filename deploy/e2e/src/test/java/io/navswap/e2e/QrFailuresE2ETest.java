package io.navswap.e2e;

import static io.navswap.e2e.Flow.assertProblem;
import static io.navswap.e2e.Flow.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, every way a QR scan can fail, each with its own problem type, and nothing written by a failed scan.
 * Riders 06-08; ST-CHE-001 (staff 16) is the rider's station, ST-CHE-002 (staff 17) another one.
 */
class QrFailuresE2ETest {
    private static final String STATION = "ST-CHE-001";
    private static final String OTHER_STATION = "ST-CHE-002";
    private static final int STAFF = 16;
    private static final int OTHER_STAFF = 17;
    private static final int RIDER = 6;
    private static final int CANCELLING_RIDER = 7;
    private static final int REISSUING_RIDER = 8;

    @BeforeAll
    static void stationsAndStaffAreWhereTheSeedPutsThem() {
        assertEquals(STATION, Flow.homeStation(STAFF).id());
        assertEquals(OTHER_STATION, Flow.homeStation(OTHER_STAFF).id());
    }

    private static Response confirm(int rider) {
        Response r = json(Flow.rider(rider), Map.of("station_id", STATION)).post("/queue/confirm");
        assertEquals(201, r.statusCode(), r::asString);
        return r;
    }

    private static Response verify(RequestSpecification who, String token, String stationId) {
        return json(who, Map.of("qr_token", token, "station_id", stationId)).post("/qr/verify");
    }

    @Test
    void everyFailedScanHasItsOwnProblemAndLeavesTheReservationUsable() {
        Response confirmed = confirm(RIDER);
        String queueId = confirmed.path("queue_id");
        String token = confirmed.path("qr_token");

        // tampered: the payload names another rider, the signature is the original one
        String tampered = Flow.tamperQr(token, claims -> {
            claims.put("sub", Flow.riderId(40));
            return claims;
        });
        assertProblem(verify(Flow.staff(STAFF), tampered, STATION), 400, "qr-invalid-signature");
        // tampered signature, and something that is no token at all
        String flipped = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BA" : "AA");
        assertProblem(verify(Flow.staff(STAFF), flipped, STATION), 400, "qr-invalid-signature");
        assertProblem(verify(Flow.staff(STAFF), "not-a-qr-token", STATION), 400, "qr-invalid-signature");
        // signed with a key the service does not know
        String unknownKey = Flow.signQr(token, claims -> {
            claims.put("kid", "k1999z");
            return claims;
        });
        assertProblem(verify(Flow.staff(STAFF), unknownKey, STATION), 400, "qr-invalid-signature");

        // expired: the very same claims, properly signed with the (public) development key, expiry in the past
        long now = Instant.now().getEpochSecond();
        String expired = Flow.signQr(token, claims -> {
            claims.put("iat", now - 1_200);
            claims.put("exp", now - 300);
            return claims;
        });
        assertProblem(verify(Flow.staff(STAFF), expired, STATION), 410, "qr-expired");

        // the token is for ST-CHE-001, scanned at ST-CHE-002 by staff working there
        assertProblem(verify(Flow.staff(OTHER_STAFF), token, OTHER_STATION), 403, "qr-wrong-station");
        // staff of ST-CHE-002 claiming to scan at ST-CHE-001
        assertProblem(verify(Flow.staff(OTHER_STAFF), token, STATION), 403, "staff-not-on-duty");
        // a consumer cannot verify at all, not even their own token
        assertProblem(verify(Flow.rider(RIDER), token, STATION), 403, "forbidden");
        assertProblem(verify(Flow.rider(CANCELLING_RIDER), token, STATION), 403, "forbidden");

        // nothing of the above touched the reservation
        Response untouched = Flow.rider(RIDER).get("/queue/" + queueId);
        assertEquals("confirmed", untouched.path("status"), untouched::asString);
        assertNull(untouched.path("swap_id"), untouched::asString);

        // the genuine scan works once ...
        Response ok = verify(Flow.staff(STAFF), token, STATION);
        assertEquals(200, ok.statusCode(), ok::asString);
        String swapId = ok.path("swap_id");
        assertNotNull(swapId);
        // ... and never again, also not by an admin, nor re-signed with a new expiry
        assertProblem(verify(Flow.staff(STAFF), token, STATION), 409, "qr-already-used");
        assertProblem(verify(Flow.admin(1), token, STATION), 409, "qr-already-used");
        String resigned = Flow.signQr(token, claims -> {
            claims.put("exp", now + 600);
            return claims;
        });
        assertProblem(verify(Flow.staff(STAFF), resigned, STATION), 409, "qr-already-used");
        Response inProgress = Flow.rider(RIDER).get("/queue/" + queueId);
        assertEquals("in_progress", inProgress.path("status"));
        assertEquals(swapId, inProgress.path("swap_id"));
        // a forged token is not drawn as a QR image for anybody
        assertProblem(Flow.rider(RIDER).get("/qr/generate-image/" + tampered), 400, "qr-invalid-signature");
        assertProblem(Flow.rider(RIDER).get("/qr/generate-image/" + expired), 410, "qr-expired");
    }

    @Test
    void tokenOfACancelledReservationIsRefused() {
        Response confirmed = confirm(CANCELLING_RIDER);
        String queueId = confirmed.path("queue_id");
        String token = confirmed.path("qr_token");
        Flow.rider(CANCELLING_RIDER).post("/queue/" + queueId + "/cancel").then().statusCode(200);

        assertProblem(verify(Flow.staff(STAFF), token, STATION), 409, "reservation-not-active");
        Response cancelled = Flow.rider(CANCELLING_RIDER).get("/queue/" + queueId);
        assertEquals("cancelled", cancelled.path("status"));
        assertNull(cancelled.path("swap_id"), cancelled::asString);
        // a cancelled reservation gets no fresh QR either
        assertProblem(Flow.rider(CANCELLING_RIDER).post("/queue/" + queueId + "/qr"), 409, "reservation-not-active");
    }

    @Test
    void replacedTokenIsRefusedAndTheFreshOneIsCurrent() {
        Response confirmed = confirm(REISSUING_RIDER);
        String queueId = confirmed.path("queue_id");
        String first = confirmed.path("qr_token");
        Response fresh = Flow.rider(REISSUING_RIDER).post("/queue/" + queueId + "/qr");
        assertEquals(200, fresh.statusCode(), fresh::asString);
        String second = fresh.path("qr_token");

        assertProblem(verify(Flow.staff(STAFF), first, STATION), 409, "qr-superseded");
        assertEquals("confirmed", Flow.rider(REISSUING_RIDER).get("/queue/" + queueId).path("status"));
        assertEquals(queueId, Flow.qrClaims(second).get("rid"));
        Flow.rider(REISSUING_RIDER).get("/qr/generate-image/" + second).then().statusCode(200);
        // leave the station's queue as found
        Flow.rider(REISSUING_RIDER).post("/queue/" + queueId + "/cancel").then().statusCode(200);
    }
}
