package io.navswap.e2e;

import static io.navswap.e2e.Flow.assertProblem;
import static io.navswap.e2e.Flow.await;
import static io.navswap.e2e.Flow.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.shared.seed.SeedCatalog.DemoStation;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: Redis holds only rebuildable state. Flushed in the middle of a flow, the reservations survive with
 * their positions, the flow completes, and a used QR stays used. Riders 14 and 15 at ST-HYD-001 (staff 13).
 */
class RedisFlushE2ETest {
    private static final int STAFF = 13;
    private static final int FIRST = 14;
    private static final int SECOND = 15;

    @Test
    void flushedRedisLosesNoReservationPositionOrQrUse() {
        DemoStation station = Flow.homeStation(STAFF);
        assertEquals("ST-HYD-001", station.id());
        int before = Flow.staff(STAFF).get("/queue/status/" + station.id()).then().statusCode(200)
                .extract().path("total");

        Response first = json(Flow.rider(FIRST), Map.of("station_id", station.id())).post("/queue/confirm");
        assertEquals(201, first.statusCode(), first::asString);
        Response second = json(Flow.rider(SECOND), Map.of("station_id", station.id())).post("/queue/confirm");
        assertEquals(201, second.statusCode(), second::asString);
        String firstId = first.path("queue_id");
        String secondId = second.path("queue_id");
        String token = first.path("qr_token");
        assertEquals(before + 1, (int) first.path("queue_position"));
        assertEquals(before + 2, (int) second.path("queue_position"));
        Response near = json(Flow.rider(FIRST), Flow.northOf(station, 900)).post("/location/update");
        assertEquals(List.of("approaching"), near.path("triggered"), near::asString);

        Flow.flushRedis();

        // both reservations are still there, in the same order, with the same waits
        Response firstView = Flow.rider(FIRST).get("/queue/status/" + station.id());
        assertEquals(200, firstView.statusCode(), firstView::asString);
        assertEquals(before + 2, (int) firstView.path("total"), firstView::asString);
        assertEquals(before + 1, (int) firstView.path("your_position"), firstView::asString);
        assertEquals("approaching", firstView.path("your_status"));
        Response secondView = Flow.rider(SECOND).get("/queue/status/" + station.id());
        assertEquals(before + 2, (int) secondView.path("your_position"), secondView::asString);
        assertEquals(secondId, secondView.path("your_queue_id"));
        List<String> order = Flow.staff(STAFF).get("/queue/status/" + station.id()).path("entries.queue_id");
        assertTrue(order.indexOf(firstId) >= 0 && order.indexOf(firstId) < order.indexOf(secondId), order::toString);
        assertEquals(firstId, Flow.rider(FIRST).get("/queue/active").path("queue_id"));
        assertEquals("approaching", Flow.rider(FIRST).get("/queue/" + firstId).path("status"));
        Response slots = Flow.rider(SECOND).get("/queue/available-slots/" + station.id());
        assertEquals(200, slots.statusCode(), slots::asString);

        // the flow goes on: the geofence still moves forward once, the QR is accepted once
        Response there = json(Flow.rider(FIRST), Flow.northOf(station, 400)).post("/location/update");
        assertEquals(List.of("arrived"), there.path("triggered"), there::asString);
        Response verified = json(Flow.staff(STAFF), Map.of("qr_token", token, "station_id", station.id()))
                .post("/qr/verify");
        assertEquals(200, verified.statusCode(), verified::asString);
        String swapId = verified.path("swap_id");

        Flow.flushRedis();

        // a used QR stays used: the record of its use is in MongoDB, not in Redis
        assertProblem(json(Flow.staff(STAFF), Map.of("qr_token", token, "station_id", station.id()))
                .post("/qr/verify"), 409, "qr-already-used");
        assertEquals("in_progress", Flow.rider(FIRST).get("/queue/" + firstId).path("status"));
        assertEquals(before + 2, (int) Flow.rider(SECOND).get("/queue/status/" + station.id()).path("your_position"));

        String newBattery = (String) Flow.bestCharged(Flow.staff(STAFF), station.id(), 0).get("battery_id");
        Response completed = await("swap " + swapId + " completable", () -> json(Flow.staff(STAFF),
                Map.of("swap_id", swapId, "old_battery_id", Flow.riderBattery(FIRST), "new_battery_id", newBattery,
                        "old_battery_soh", 84.0, "faulty", false, "swap_duration_seconds", 200))
                .post("/swap/complete"), r -> r.statusCode() != 404);
        assertEquals(200, completed.statusCode(), completed::asString);
        assertEquals("completed", completed.path("status"));
        await("reservation " + firstId + " completed", () -> Flow.rider(FIRST).get("/queue/" + firstId),
                r -> "completed".equals(r.path("status")));
        // the rider behind moves up
        Response movedUp = await("second rider at position " + (before + 1),
                () -> Flow.rider(SECOND).get("/queue/status/" + station.id()),
                r -> r.statusCode() == 200 && Integer.valueOf(before + 1).equals(r.path("your_position")));
        // and so does the wait: position x minutes per swap
        assertEquals((before + 1) * ((Number) movedUp.path("minutes_per_swap")).doubleValue(),
                (int) movedUp.path("estimated_wait_minutes"), 1.0, movedUp::asString);
        assertEquals(before + 1, (int) Flow.rider(SECOND).get("/queue/" + secondId).path("queue_position"));
        Flow.rider(SECOND).post("/queue/" + secondId + "/cancel").then().statusCode(200);
        assertEquals(before, (int) Flow.staff(STAFF).get("/queue/status/" + station.id()).path("total"));
    }
}
