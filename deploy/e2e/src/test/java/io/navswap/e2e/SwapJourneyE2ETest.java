package io.navswap.e2e;

import static io.navswap.e2e.Flow.assertProblem;
import static io.navswap.e2e.Flow.await;
import static io.navswap.e2e.Flow.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.shared.seed.SeedCatalog.DemoStation;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, the whole consumer journey through the gateway with real logins: nearest → recommend → confirm →
 * GPS at 1.5 km, 900 m, 400 m → QR verify by the station's staff → swap complete → history, checking the
 * queue, the reservation, the swap, the inventory, both batteries and the loyalty credits at each step.
 * Rider 05 at ST-HYD-002 with staff 14; rider 16 returns a faulty battery there (see {@link Flow} for who owns
 * what).
 */
class SwapJourneyE2ETest {
    private static final int RIDER = 5;
    private static final int STAFF = 14;
    private static final int FAULTY_RIDER = 16;
    private static final double MIN_SOH = 80;

    @Test
    void riderSwapsFromSearchToHistory() {
        DemoStation station = Flow.homeStation(STAFF);
        assertEquals("ST-HYD-002", station.id());
        String riderId = Flow.riderId(RIDER);
        String oldBattery = Flow.riderBattery(RIDER);

        // --- before: inventory, queue, credits, the rider's battery -------------------------------------------
        Map<String, Integer> inventoryBefore = Flow.inventory(Flow.staff(STAFF), station.id());
        int queueBefore = Flow.staff(STAFF).get("/queue/status/" + station.id()).then().statusCode(200)
                .extract().path("total");
        double creditsBefore = ((Number) Flow.rider(RIDER).get("/credits/" + riderId).then().statusCode(200)
                .extract().path("balance")).doubleValue();
        Map<String, Object> held = Flow.battery(Flow.staff(STAFF), oldBattery);
        assertEquals("in_use", held.get("status"));
        assertEquals(riderId, held.get("holder_id"));
        Flow.rider(RIDER).get("/queue/active").then().statusCode(404);
        int chargedListedBefore = chargedInList(station);
        Response idle = json(Flow.rider(RIDER), Flow.northOf(station, 5000)).post("/location/update");
        assertEquals(200, idle.statusCode(), idle::asString);
        assertNull(idle.path("reservation_id"), idle::asString);
        assertNull(idle.path("distance_meters"), idle::asString);
        assertEquals(List.of(), idle.path("triggered"));

        // --- 1. find the station ------------------------------------------------------------------------------
        Map<String, Object> start = Flow.northOf(station, 3000);
        Response nearest = Flow.rider(RIDER).queryParam("latitude", start.get("latitude"))
                .queryParam("longitude", start.get("longitude")).queryParam("max_distance_km", 10)
                .queryParam("battery_soh_min", MIN_SOH).get("/station/nearest");
        assertEquals(200, nearest.statusCode(), nearest::asString);
        List<Map<String, Object>> found = nearest.path("stations");
        assertFalse(found.isEmpty(), nearest::asString);
        assertEquals(station.id(), found.get(0).get("station_id"), "the nearest station first: " + nearest.asString());
        assertEquals(3.0, ((Number) found.get(0).get("distance_km")).doubleValue(), 0.1);
        assertTrue(((Number) found.get(0).get("charged_available")).intValue() > 0);
        for (Map<String, Object> s : found) {
            assertTrue(((Number) s.get("charged_available")).intValue() > 0, "only stations with a suitable battery");
            assertTrue(((Number) s.get("best_charged_soh")).doubleValue() >= MIN_SOH, "only stations meeting the SOH");
            assertTrue(((Number) s.get("distance_km")).doubleValue() <= 10, "within max_distance_km");
        }
        for (int i = 1; i < found.size(); i++) {
            assertTrue(((Number) found.get(i - 1).get("distance_km")).doubleValue()
                    <= ((Number) found.get(i).get("distance_km")).doubleValue(), "nearest first");
        }

        Response recommend = json(Flow.rider(RIDER), Map.of("latitude", start.get("latitude"),
                "longitude", start.get("longitude"), "battery_soh_min", MIN_SOH)).post("/recommend");
        assertEquals(200, recommend.statusCode(), recommend::asString);
        List<Map<String, Object>> recommendations = recommend.path("recommendations");
        assertFalse(recommendations.isEmpty());
        assertTrue(recommendations.size() <= 3);
        for (int i = 0; i < recommendations.size(); i++) {
            Map<String, Object> r = recommendations.get(i);
            assertEquals(i + 1, ((Number) r.get("rank")).intValue());
            assertNotNull(r.get("breakdown"), "score breakdown");
            assertTrue(((Number) r.get("best_charged_soh")).doubleValue() >= MIN_SOH, "no unsuitable station");
            if (i > 0) {
                assertTrue(((Number) recommendations.get(i - 1).get("score")).doubleValue()
                        >= ((Number) r.get("score")).doubleValue(), "best first");
            }
        }

        // --- 2. confirm ---------------------------------------------------------------------------------------
        Response confirm = json(Flow.rider(RIDER), Map.of("station_id", station.id(), "battery_soh_min", MIN_SOH,
                "current_location", Map.of("latitude", start.get("latitude"), "longitude", start.get("longitude"))))
                .post("/queue/confirm");
        assertEquals(201, confirm.statusCode(), confirm::asString);
        String queueId = confirm.path("queue_id");
        String qr = confirm.path("qr_token");
        assertTrue(confirm.header("Location").endsWith("/queue/" + queueId), confirm.header("Location"));
        assertEquals(queueBefore + 1, (int) confirm.path("queue_position"));
        assertEquals("confirmed", confirm.path("status"));
        assertEquals(station.id(), confirm.path("station_id"));
        assertEquals(station.name(), confirm.path("station_name"));
        assertEquals(station.latitude(), ((Number) confirm.path("station_location.latitude")).doubleValue(), 1e-6);
        assertTrue((int) confirm.path("estimated_wait_minutes") >= 0);
        assertNotNull(confirm.path("qr_expiry"));
        assertEquals(queueId, Flow.qrClaims(qr).get("rid"));

        Flow.rider(RIDER).get("/queue/active").then().statusCode(200)
                .body("queue_id", equalTo(queueId));
        Response own = Flow.rider(RIDER).get("/queue/status/" + station.id());
        assertEquals(queueBefore + 1, (int) own.path("total"));
        assertEquals(queueBefore + 1, (int) own.path("your_position"));
        assertEquals(queueId, own.path("your_queue_id"));
        double minutesPerSwap = ((Number) own.path("minutes_per_swap")).doubleValue();
        assertEquals((queueBefore + 1) * minutesPerSwap, (int) own.path("estimated_wait_minutes"), 1.0, own::asString);
        Response slots = Flow.rider(RIDER).get("/queue/available-slots/" + station.id());
        assertEquals(200, slots.statusCode(), slots::asString);
        assertEquals(20 - (queueBefore + 1), (int) slots.path("available"), slots::asString);
        assertEquals(queueBefore + 2, (int) slots.path("slots[0].position"), slots::asString);
        assertTrue(((List<?>) slots.path("slots")).size() <= 5);
        Response list = Flow.staff(STAFF).get("/queue/status/" + station.id());
        List<String> listed = list.path("entries.queue_id");
        assertTrue(listed.contains(queueId), list::asString);
        // the station's queue-length read model is fed by navswap.swaps
        Response status = await("queue length " + (queueBefore + 1) + " at " + station.id(),
                () -> Flow.staff(STAFF).get("/station/" + station.id() + "/status"),
                r -> r.statusCode() == 200 && (int) r.path("queue_length") == queueBefore + 1);
        assertEquals(true, status.path("staff_on_duty_known"), status::asString);
        assertTrue(((List<?>) status.path("staff_on_duty.staff_id")).contains(Flow.staffId(STAFF)), status::asString);
        // search results now count the rider in the station's queue (read model fed by navswap.swaps)
        await("nearest showing queue length " + (queueBefore + 1), () -> Flow.rider(RIDER)
                .queryParam("latitude", start.get("latitude")).queryParam("longitude", start.get("longitude"))
                .get("/station/nearest"), r -> r.statusCode() == 200
                        && Integer.valueOf(queueBefore + 1).equals(r.path("stations.find { it.station_id == '"
                                + station.id() + "' }.queue_length")));
        Response image = Flow.rider(RIDER).get("/qr/generate-image/" + qr);
        assertEquals(200, image.statusCode(), image::asString);
        assertEquals("image/png", image.path("content_type"));
        assertEquals(qr, image.path("qr_token"));
        BufferedImage png = png(image.path("image_base64"));
        assertTrue(png.getWidth() >= 100 && png.getWidth() == png.getHeight(), "a square QR image");

        // --- 3. drive in: 1.5 km (nothing), 900 m (approaching), 400 m (arrived) ------------------------------
        Response far = json(Flow.rider(RIDER), Flow.northOf(station, 1500)).post("/location/update");
        assertEquals(200, far.statusCode(), far::asString);
        assertEquals(1500, ((Number) far.path("distance_meters")).doubleValue(), 15);
        assertEquals(queueId, far.path("reservation_id"));
        assertEquals("confirmed", far.path("status"));
        assertEquals(List.of(), far.path("triggered"));

        Response near = json(Flow.rider(RIDER), Flow.northOf(station, 900)).post("/location/update");
        assertEquals(200, near.statusCode(), near::asString);
        assertEquals("approaching", near.path("status"));
        assertEquals(List.of("approaching"), near.path("triggered"));
        assertEquals("approaching", Flow.rider(RIDER).get("/queue/" + queueId).path("status"));

        Response there = json(Flow.rider(RIDER), Flow.northOf(station, 400)).post("/location/update");
        assertEquals(200, there.statusCode(), there::asString);
        assertEquals("arrived", there.path("status"));
        assertEquals(List.of("arrived"), there.path("triggered"));
        Response arrived = Flow.rider(RIDER).get("/queue/" + queueId);
        assertEquals("arrived", arrived.path("status"));
        assertNotNull(arrived.path("approaching_at"));
        assertNotNull(arrived.path("arrived_at"));
        // forward only, each once: another fix inside 500 m triggers nothing
        Response again = json(Flow.rider(RIDER), Flow.northOf(station, 300)).post("/location/update");
        assertEquals(List.of(), again.path("triggered"));
        assertEquals("arrived", again.path("status"));

        // --- 4. verify at the counter -------------------------------------------------------------------------
        Response verify = json(Flow.staff(STAFF), Map.of("qr_token", qr, "station_id", station.id()))
                .post("/qr/verify");
        assertEquals(200, verify.statusCode(), verify::asString);
        assertEquals(true, verify.path("valid"));
        String swapId = verify.path("swap_id");
        assertNotNull(swapId);
        assertEquals(queueId, verify.path("queue_id"));
        assertEquals(riderId, verify.path("user_id"));
        assertNotNull(verify.path("user_name"));
        assertNotNull(verify.path("message"));

        Response inProgress = Flow.rider(RIDER).get("/queue/" + queueId);
        assertEquals("in_progress", inProgress.path("status"));
        assertEquals(swapId, inProgress.path("swap_id"));
        Response started = await("swap " + swapId + " started", () -> Flow.rider(RIDER).get("/swap/" + swapId),
                r -> r.statusCode() == 200);
        assertEquals("started", started.path("status"));
        assertEquals(queueId, started.path("reservation_id"));
        assertEquals(riderId, started.path("user_id"));
        assertEquals(station.id(), started.path("station_id"));
        assertEquals(Flow.staffId(STAFF), started.path("staff_id"));
        assertEquals(MIN_SOH, ((Number) started.path("battery_soh_min")).doubleValue(), 1e-9);
        // at the counter the rider still counts in the queue
        assertEquals(queueBefore + 1, (int) Flow.staff(STAFF).get("/queue/status/" + station.id()).path("total"));
        assertEquals(inventoryBefore, Flow.inventory(Flow.staff(STAFF), station.id()), "nothing moved yet");

        // --- 5. complete --------------------------------------------------------------------------------------
        // a charged battery below the reservation's minimum SOH is refused, and nothing moves
        List<Map<String, Object>> weak = Flow.staff(STAFF).queryParam("station_id", station.id())
                .queryParam("status", "charged").get("/batteries").path("findAll { it.soh < " + MIN_SOH + " }");
        if (!weak.isEmpty()) {
            String tooWeak = (String) weak.get(0).get("battery_id");
            assertProblem(json(Flow.staff(STAFF), Map.of("swap_id", swapId, "old_battery_id", oldBattery,
                    "new_battery_id", tooWeak, "faulty", false, "swap_duration_seconds", 175)).post("/swap/complete"),
                    409, "battery-soh-too-low");
            assertEquals("charged", Flow.battery(Flow.staff(STAFF), tooWeak).get("status"));
            assertEquals("started", Flow.staff(STAFF).get("/swap/" + swapId).path("status"));
        }
        Map<String, Object> fresh = Flow.bestCharged(Flow.staff(STAFF), station.id(), MIN_SOH);
        String newBattery = (String) fresh.get("battery_id");
        Response complete = json(Flow.staff(STAFF), Map.of("swap_id", swapId, "old_battery_id", oldBattery,
                "new_battery_id", newBattery, "old_battery_soh", 86.0, "faulty_battery", false,
                "swap_duration_seconds", 175, "notes", "e2e journey")).post("/swap/complete");
        assertEquals(200, complete.statusCode(), complete::asString);
        assertEquals("completed", complete.path("status"));
        assertEquals(oldBattery, complete.path("old_battery_id"));
        assertEquals(newBattery, complete.path("new_battery_id"));
        assertEquals("charging", complete.path("old_battery_status"));
        assertEquals(false, complete.path("quarantined"));
        assertEquals(Flow.staffId(STAFF), complete.path("completed_by"));
        int loyalty = complete.path("loyalty_credits");
        assertTrue(loyalty > 0, complete::asString);

        // --- after: reservation completed, queue back, inventory moved once, credits booked -------------------
        await("reservation " + queueId + " completed", () -> Flow.rider(RIDER).get("/queue/" + queueId),
                r -> "completed".equals(r.path("status")));
        assertProblem(Flow.rider(RIDER).get("/queue/active"), 404, "no-active-reservation");
        await("queue total back to " + queueBefore, () -> Flow.staff(STAFF).get("/queue/status/" + station.id()),
                r -> (int) r.path("total") == queueBefore);
        Response riderView = Flow.rider(RIDER).get("/queue/status/" + station.id());
        assertNull(riderView.path("your_position"), riderView::asString);
        await("queue length read model back to " + queueBefore,
                () -> Flow.staff(STAFF).get("/station/" + station.id() + "/status"),
                r -> (int) r.path("queue_length") == queueBefore);

        Map<String, Integer> expected = Flow.plus(Flow.plus(inventoryBefore, "charged", -1), "charging", 1);
        await("inventory of " + station.id() + " = " + expected, () -> Flow.inventory(Flow.staff(STAFF), station.id()),
                expected::equals);
        Map<String, Object> handedOut = Flow.battery(Flow.staff(STAFF), newBattery);
        assertEquals("in_use", handedOut.get("status"));
        assertEquals(riderId, handedOut.get("holder_id"));
        assertNull(handedOut.get("station_id"));
        Map<String, Object> returned = Flow.battery(Flow.staff(STAFF), oldBattery);
        assertEquals("charging", returned.get("status"));
        assertEquals(station.id(), returned.get("station_id"));
        assertNull(returned.get("holder_id"));
        // the cached station list follows the inventory (invalidated on change)
        await("station list showing " + (chargedListedBefore - 1) + " charged at " + station.id(),
                () -> chargedInList(station), n -> n == chargedListedBefore - 1);

        Response credits = await("loyalty credits for " + swapId, () -> Flow.rider(RIDER).get("/credits/" + riderId),
                r -> r.statusCode() == 200 && ((List<?>) r.path("entries.source_key"))
                        .contains("swap.completed:" + swapId));
        assertEquals(creditsBefore + loyalty, ((Number) credits.path("balance")).doubleValue(), 1e-6);

        // --- 6. history, newest first -------------------------------------------------------------------------
        Response history = Flow.rider(RIDER).queryParam("page", 0).queryParam("size", 5).get("/swap/user/" + riderId);
        assertEquals(200, history.statusCode(), history::asString);
        assertEquals(swapId, history.path("items[0].swap_id"));
        assertEquals("completed", history.path("items[0].status"));
        assertEquals(newBattery, history.path("items[0].new_battery_id"));
        List<String> ids = history.path("items.swap_id");
        assertEquals(1, ids.stream().filter(swapId::equals).count());
        assertEquals(0, (int) history.path("page"));
        assertEquals(5, (int) history.path("size"));
        assertTrue((int) history.path("total") >= 1);
        List<String> startedAt = history.path("items.started_at");
        for (int i = 1; i < startedAt.size(); i++) {
            assertTrue(Instant.parse(startedAt.get(i - 1)).compareTo(Instant.parse(startedAt.get(i)))
                    >= 0, "newest first: " + startedAt);
        }
        Flow.rider(RIDER).get("/swap/" + swapId).then().statusCode(200)
                .body("status", equalTo("completed"));
    }

    @Test
    void faultyReturnIsQuarantinedWithALevelOneFault() {
        DemoStation station = Flow.homeStation(STAFF);
        String riderId = Flow.riderId(FAULTY_RIDER);
        String oldBattery = Flow.riderBattery(FAULTY_RIDER);
        Map<String, Integer> inventoryBefore = Flow.inventory(Flow.staff(STAFF), station.id());

        Response confirm = json(Flow.rider(FAULTY_RIDER), Map.of("station_id", station.id())).post("/queue/confirm");
        assertEquals(201, confirm.statusCode(), confirm::asString);
        Response verify = json(Flow.staff(STAFF), Map.of("qr_token", confirm.path("qr_token"),
                "station_id", station.id())).post("/qr/verify");
        assertEquals(200, verify.statusCode(), verify::asString);
        String swapId = verify.path("swap_id");
        String newBattery = (String) Flow.bestCharged(Flow.staff(STAFF), station.id(), 0).get("battery_id");
        Response complete = await("swap " + swapId + " completed", () -> json(Flow.staff(STAFF), Map.of(
                "swap_id", swapId, "old_battery_id", oldBattery, "new_battery_id", newBattery,
                "old_battery_soh", 91.0, "faulty_battery", true, "swap_duration_seconds", 240)).post("/swap/complete"),
                r -> r.statusCode() != 404);
        assertEquals(200, complete.statusCode(), complete::asString);
        assertEquals("quarantined", complete.path("old_battery_status"));
        assertEquals(true, complete.path("quarantined"));
        assertEquals(true, complete.path("faulty"));

        Map<String, Integer> expected = Flow.plus(Flow.plus(inventoryBefore, "charged", -1), "quarantined", 1);
        await("inventory of " + station.id() + " = " + expected, () -> Flow.inventory(Flow.staff(STAFF), station.id()),
                expected::equals);
        Map<String, Object> returned = Flow.battery(Flow.staff(STAFF), oldBattery);
        assertEquals("quarantined", returned.get("status"));
        assertEquals(station.id(), returned.get("station_id"));
        String faultId = (String) returned.get("last_fault_id");
        assertNotNull(faultId, returned::toString);
        assertEquals("in_use", Flow.battery(Flow.staff(STAFF), newBattery).get("status"));
        // the level-1 fault travelled on navswap.faults to staff-service
        Response faults = await("fault " + faultId + " of " + oldBattery + " recorded by staff-service",
                () -> Flow.staff(STAFF).get("/tickets/battery/" + oldBattery + "/faults"),
                r -> r.statusCode() == 200 && ((List<?>) r.path("faults.fault_id")).contains(faultId));
        assertTrue((int) faults.path("fault_count") >= 1, faults::asString);
        await("reservation completed", () -> Flow.rider(FAULTY_RIDER).get("/queue/" + confirm.path("queue_id")),
                r -> "completed".equals(r.path("status")));
        assertEquals(newBattery, Flow.rider(FAULTY_RIDER).get("/swap/user/" + riderId).path("items[0].new_battery_id"));
    }

    private static int chargedInList(DemoStation station) {
        Response list = Flow.rider(RIDER).queryParam("city", station.city()).get("/station/list");
        assertEquals(200, list.statusCode(), list::asString);
        Integer charged = list.path("find { it.station_id == '" + station.id() + "' }.charged_available");
        assertNotNull(charged, list::asString);
        return charged;
    }

    private static BufferedImage png(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new AssertionError("not a readable PNG", e);
        }
    }
}
