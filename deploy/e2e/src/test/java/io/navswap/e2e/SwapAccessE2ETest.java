package io.navswap.e2e;

import static io.navswap.e2e.Flow.assertProblem;
import static io.navswap.e2e.Flow.await;
import static io.navswap.e2e.Flow.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, object-level access through the gateway: a rider sees and changes only their own reservation, QR,
 * swaps and credits; staff see swaps of their own station only. Rider 09 owns, rider 10 pries; ST-BLR-001
 * (staff 09) is the owner's station, staff 10 works at ST-BLR-002.
 */
class SwapAccessE2ETest {
    private static final String STATION = "ST-BLR-001";
    private static final int OWNER = 9;
    private static final int OTHER = 10;
    private static final int STAFF = 9;
    private static final int OTHER_STAFF = 10;

    @Test
    void aConsumerCannotReadOrChangeAnotherRidersReservationOrSwaps() {
        assertEquals(STATION, Flow.homeStation(STAFF).id());
        Response confirmed = json(Flow.rider(OWNER), Map.of("station_id", STATION)).post("/queue/confirm");
        assertEquals(201, confirmed.statusCode(), confirmed::asString);
        String queueId = confirmed.path("queue_id");
        String token = confirmed.path("qr_token");
        String ownerId = Flow.riderId(OWNER);

        // the reservation: read, cancel, new QR, QR image — all refused for another rider
        assertProblem(Flow.rider(OTHER).get("/queue/" + queueId), 403, "forbidden");
        assertProblem(Flow.rider(OTHER).post("/queue/" + queueId + "/cancel"), 403, "forbidden");
        assertProblem(Flow.rider(OTHER).post("/queue/" + queueId + "/qr"), 403, "forbidden");
        assertProblem(Flow.rider(OTHER).get("/qr/generate-image/" + token), 403, "forbidden");
        // the station's queue shows another rider only the total, never who is in it
        Response othersView = Flow.rider(OTHER).get("/queue/status/" + STATION);
        assertEquals(200, othersView.statusCode(), othersView::asString);
        assertNull(othersView.path("entries"), othersView::asString);
        assertNull(othersView.path("your_queue_id"), othersView::asString);
        assertFalse(othersView.asString().contains(ownerId), othersView::asString);
        assertFalse(othersView.asString().contains(queueId), othersView::asString);
        // nothing changed, and the owner's token still works
        Response mine = Flow.rider(OWNER).get("/queue/" + queueId);
        assertEquals("confirmed", mine.path("status"), mine::asString);
        assertEquals(token, Flow.rider(OWNER).get("/qr/generate-image/" + token).then().statusCode(200)
                .extract().path("qr_token"));

        // the swap
        Response verified = json(Flow.staff(STAFF), Map.of("qr_token", token, "station_id", STATION))
                .post("/qr/verify");
        assertEquals(200, verified.statusCode(), verified::asString);
        String swapId = verified.path("swap_id");
        await("swap " + swapId, () -> Flow.rider(OWNER).get("/swap/" + swapId), r -> r.statusCode() == 200);

        assertProblem(Flow.rider(OTHER).get("/swap/" + swapId), 403, "forbidden");
        assertProblem(Flow.rider(OTHER).get("/swap/user/" + ownerId), 403, "forbidden");
        assertProblem(Flow.rider(OTHER).get("/credits/" + ownerId), 403, "forbidden");
        // a rider cannot start or complete swaps, not even to their own benefit
        assertProblem(json(Flow.rider(OTHER), Map.of("swap_id", swapId, "old_battery_id", Flow.riderBattery(OTHER),
                "new_battery_id", "BAT-BLR-001-01", "faulty", false, "swap_duration_seconds", 60))
                .post("/swap/complete"), 403, "forbidden");
        assertProblem(json(Flow.rider(OTHER), Map.of("reservation_id", queueId, "user_id", Flow.riderId(OTHER),
                "station_id", STATION, "staff_id", Flow.staffId(STAFF))).put("/swap/SWP-E2E-ACCESS/start"),
                403, "forbidden");
        // the reservation in progress cannot be cancelled by anyone now, least of all another rider
        assertProblem(Flow.rider(OTHER).post("/queue/" + queueId + "/cancel"), 403, "forbidden");
        assertProblem(Flow.rider(OWNER).post("/queue/" + queueId + "/cancel"), 409, "reservation-not-cancellable");
        // staff of another station read no swap of this one
        assertProblem(Flow.staff(OTHER_STAFF).get("/swap/" + swapId), 403, "staff-not-on-duty");

        Response ownerView = Flow.rider(OWNER).get("/swap/" + swapId);
        assertEquals("started", ownerView.path("status"));
        Flow.staff(STAFF).get("/swap/" + swapId).then().statusCode(200);
        Flow.admin(1).get("/swap/" + swapId).then().statusCode(200);

        // completed: by staff of this station only, then in the owner's history only
        String newBattery = (String) Flow.bestCharged(Flow.staff(STAFF), STATION, 0).get("battery_id");
        assertProblem(json(Flow.staff(OTHER_STAFF), Map.of("swap_id", swapId, "old_battery_id",
                Flow.riderBattery(OWNER), "new_battery_id", newBattery, "faulty", false, "swap_duration_seconds", 150))
                .post("/swap/complete"), 403, "staff-not-on-duty");
        assertEquals("started", Flow.staff(STAFF).get("/swap/" + swapId).path("status"));
        assertEquals("charged", Flow.battery(Flow.staff(STAFF), newBattery).get("status"));
        Response completed = json(Flow.staff(STAFF), Map.of("swap_id", swapId, "old_battery_id",
                Flow.riderBattery(OWNER), "new_battery_id", newBattery, "old_battery_soh", 90.0, "faulty", false,
                "swap_duration_seconds", 150)).post("/swap/complete");
        assertEquals(200, completed.statusCode(), completed::asString);
        List<String> ownersSwaps = Flow.rider(OWNER).get("/swap/user/" + ownerId).then().statusCode(200)
                .extract().path("items.swap_id");
        assertTrue(ownersSwaps.contains(swapId), ownersSwaps::toString);
        List<String> othersSwaps = Flow.rider(OTHER).get("/swap/user/" + Flow.riderId(OTHER)).then().statusCode(200)
                .extract().path("items.swap_id");
        assertFalse(othersSwaps.contains(swapId), othersSwaps::toString);
        assertProblem(Flow.rider(OTHER).get("/swap/" + swapId), 403, "forbidden");
        assertProblem(Flow.rider(OTHER).get("/credits/" + ownerId), 403, "forbidden");
        await("reservation " + queueId + " completed", () -> Flow.rider(OWNER).get("/queue/" + queueId),
                r -> "completed".equals(r.path("status")));
        assertProblem(Flow.rider(OTHER).get("/queue/" + queueId), 403, "forbidden");
    }

    @Test
    void aConsumerCannotCancelAnotherRidersWaitingReservationButTheOwnerCan() {
        Response confirmed = json(Flow.rider(OTHER), Map.of("station_id", STATION)).post("/queue/confirm");
        assertEquals(201, confirmed.statusCode(), confirmed::asString);
        String queueId = confirmed.path("queue_id");
        assertProblem(Flow.rider(OWNER).post("/queue/" + queueId + "/cancel"), 403, "forbidden");
        assertEquals("confirmed", Flow.rider(OTHER).get("/queue/" + queueId).path("status"));
        assertProblem(Flow.rider(OWNER).get("/queue/" + queueId), 403, "forbidden");
        Response cancelled = Flow.rider(OTHER).post("/queue/" + queueId + "/cancel");
        assertEquals(200, cancelled.statusCode(), cancelled::asString);
        assertEquals("cancelled", cancelled.path("status"));
        assertProblem(Flow.rider(OTHER).get("/queue/active"), 404, "no-active-reservation");
    }
}
