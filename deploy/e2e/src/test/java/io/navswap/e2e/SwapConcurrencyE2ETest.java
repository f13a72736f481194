package io.navswap.e2e;

import static io.navswap.e2e.Flow.assertProblem;
import static io.navswap.e2e.Flow.await;
import static io.navswap.e2e.Flow.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 under concurrency, through the gateway: the per-station capacity holds for simultaneous confirms,
 * one QR token starts one swap however many scans race, and repeated or racing completions move the
 * inventory and book the credits once.
 *
 * <p>Capacity: 30 consumers registered by this test (so no demo rider is tied up) at ST-MUM-002, watched by
 * admin3. At ST-MUM-003 with staff 07: verify race rider 17, complete race rider 18, double-tapped confirm
 * rider 19, scan against cancel rider 20, completions naming different batteries rider 21, two swaps reaching
 * for one battery riders 22-23, simultaneous GPS fixes rider 24.
 */
class SwapConcurrencyE2ETest {
    private static final String CAPACITY_STATION = "ST-MUM-002";
    private static final int CAPACITY = 20;
    private static final int RIDERS = 30;
    private static final int STAFF = 7;
    private static final String STATION = "ST-MUM-003";
    private static final int VERIFY_RIDER = 17;
    private static final int COMPLETE_RIDER = 18;
    private static final int DOUBLE_TAP_RIDER = 19;
    private static final int CANCEL_RACE_RIDER = 20;
    private static final int TWO_BATTERIES_RIDER = 21;
    /** Riders 22 and 23. */
    private static final int SAME_BATTERY_RIDERS = 22;
    private static final int GPS_RIDER = 24;
    private static final int ADMIN = 3;

    @Test
    void thirtySimultaneousConfirmsAtOneStationAdmitExactlyTwenty() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= RIDERS; i++) {
            String email = "e2e-capacity-" + run + "-" + i + "@example.com";
            Flow.anonymous().contentType(ContentType.JSON)
                    .body(Map.of("email", email, "password", "capacity-rider-" + i, "name", "Capacity Rider " + i))
                    .post("/auth/register").then().statusCode(201);
            emails.add(email);
        }
        emails.forEach(e -> Flow.token(e, "capacity-rider-" + (emails.indexOf(e) + 1)));
        int before = Flow.admin(ADMIN).get("/queue/status/" + CAPACITY_STATION).then().statusCode(200)
                .extract().path("total");
        assertEquals(0, before, CAPACITY_STATION + " is this test's own station; its queue must start empty");

        List<Callable<Response>> confirms = new ArrayList<>();
        for (int i = 0; i < RIDERS; i++) {
            String email = emails.get(i);
            String password = "capacity-rider-" + (i + 1);
            confirms.add(() -> json(Flow.unpaced(email, password), Map.of("station_id", CAPACITY_STATION))
                    .post("/queue/confirm"));
        }
        List<Response> answers = Flow.atOnce(confirms);

        List<Integer> winners = new ArrayList<>();
        List<Integer> losers = new ArrayList<>();
        for (int i = 0; i < RIDERS; i++) {
            Response r = answers.get(i);
            if (r.statusCode() == 201) {
                winners.add(i);
            } else {
                assertProblem(r, 409, "station-full");
                losers.add(i);
            }
        }
        assertEquals(CAPACITY, winners.size(), "exactly the capacity is admitted");
        assertEquals(RIDERS - CAPACITY, losers.size());

        Response queue = Flow.admin(ADMIN).get("/queue/status/" + CAPACITY_STATION);
        assertEquals(CAPACITY, (int) queue.path("total"), queue::asString);
        assertEquals(IntStream.rangeClosed(1, CAPACITY).boxed().toList(), queue.path("entries.position"));
        List<String> listed = queue.path("entries.queue_id");
        for (int i : winners) {
            assertTrue(listed.contains(answers.get(i).<String>path("queue_id")));
        }
        Response slots = Flow.admin(ADMIN).get("/queue/available-slots/" + CAPACITY_STATION);
        assertEquals(0, (int) slots.path("available"), slots::asString);
        // the refused riders hold nothing, and a late one is still refused
        String lateEmail = emails.get(losers.get(0));
        String latePassword = "capacity-rider-" + (losers.get(0) + 1);
        for (int i : losers) {
            assertProblem(Flow.as(emails.get(i), "capacity-rider-" + (i + 1)).get("/queue/active"), 404,
                    "no-active-reservation");
        }
        assertProblem(json(Flow.as(lateEmail, latePassword), Map.of("station_id", CAPACITY_STATION))
                .post("/queue/confirm"), 409, "station-full");

        // leaving frees the places again
        List<Callable<Response>> cancels = new ArrayList<>();
        for (int i : winners) {
            String queueId = answers.get(i).path("queue_id");
            String email = emails.get(i);
            String password = "capacity-rider-" + (i + 1);
            cancels.add(() -> Flow.as(email, password).post("/queue/" + queueId + "/cancel"));
        }
        Flow.atOnce(cancels).forEach(r -> assertEquals(200, r.statusCode(), r::asString));
        assertEquals(0, (int) Flow.admin(ADMIN).get("/queue/status/" + CAPACITY_STATION).path("total"));
        Response late = json(Flow.as(lateEmail, latePassword), Map.of("station_id", CAPACITY_STATION))
                .post("/queue/confirm");
        assertEquals(201, late.statusCode(), late::asString);
        assertEquals(1, (int) late.path("queue_position"));
        Flow.as(lateEmail, latePassword).post("/queue/" + late.path("queue_id") + "/cancel").then().statusCode(200);
    }

    @Test
    void tenSimultaneousScansOfOneTokenStartOneSwap() {
        assertEquals(STATION, Flow.homeStation(STAFF).id());
        Response confirmed = json(Flow.rider(VERIFY_RIDER), Map.of("station_id", STATION)).post("/queue/confirm");
        assertEquals(201, confirmed.statusCode(), confirmed::asString);
        String queueId = confirmed.path("queue_id");
        String token = confirmed.path("qr_token");
        Flow.sleep(2_000); // the staff member's rate-limit bucket is full again (burst 20)

        List<Callable<Response>> scans = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            scans.add(() -> json(Flow.unpaced(DemoUsers.staff(STAFF), DemoUsers.STAFF_PASSWORD),
                    Map.of("qr_token", token, "station_id", STATION)).post("/qr/verify"));
        }
        List<Response> answers = Flow.atOnce(scans);
        List<Response> accepted = answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertEquals(1, accepted.size(), () -> answers.stream().map(r -> r.statusCode() + " " + r.asString()).toList()
                .toString());
        answers.stream().filter(r -> r.statusCode() != 200).forEach(r -> assertProblem(r, 409, "qr-already-used"));
        String swapId = accepted.get(0).path("swap_id");

        Response reservation = Flow.rider(VERIFY_RIDER).get("/queue/" + queueId);
        assertEquals("in_progress", reservation.path("status"));
        assertEquals(swapId, reservation.path("swap_id"));
        await("swap " + swapId, () -> Flow.rider(VERIFY_RIDER).get("/swap/" + swapId), r -> r.statusCode() == 200);
        Flow.sleep(1_000); // a late reservation.started must not add a second swap
        List<Map<String, Object>> history = Flow.rider(VERIFY_RIDER).get("/swap/user/" + Flow.riderId(VERIFY_RIDER))
                .then().statusCode(200).extract().path("items");
        assertEquals(1, history.stream().filter(s -> queueId.equals(s.get("reservation_id"))).count(),
                history::toString);
    }

    @Test
    void completionSentTwiceAndConcurrentlyMovesTheInventoryOnce() {
        String riderId = Flow.riderId(COMPLETE_RIDER);
        Flow.SwapInProgress started = Flow.swapInProgress(COMPLETE_RIDER, STAFF, STATION);
        String swapId = started.swapId();

        Map<String, Integer> inventoryBefore = Flow.inventory(Flow.admin(ADMIN), STATION);
        double creditsBefore = ((Number) Flow.rider(COMPLETE_RIDER).get("/credits/" + riderId).path("balance"))
                .doubleValue();
        String oldBattery = Flow.riderBattery(COMPLETE_RIDER);
        String newBattery = (String) Flow.bestCharged(Flow.staff(STAFF), STATION, 0).get("battery_id");
        Map<String, Object> body = Map.of("swap_id", swapId, "old_battery_id", oldBattery, "new_battery_id",
                newBattery, "old_battery_soh", 88.0, "faulty", false, "swap_duration_seconds", 160);
        Flow.sleep(1_500); // full bucket for the racing requests

        List<Callable<Response>> completions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            completions.add(() -> json(Flow.unpaced(DemoUsers.staff(STAFF), DemoUsers.STAFF_PASSWORD), body)
                    .post("/swap/complete"));
        }
        List<Response> answers = new ArrayList<>(Flow.atOnce(completions));
        answers.add(json(Flow.staff(STAFF), body).post("/swap/complete")); // and once more, later
        for (Response r : answers) {
            assertEquals(200, r.statusCode(), r::asString);
            assertEquals("completed", r.path("status"));
            assertEquals(swapId, r.path("swap_id"));
            assertEquals(newBattery, r.path("new_battery_id"));
            assertEquals(answers.get(0).<String>path("completed_at"), r.path("completed_at"));
            assertEquals(answers.get(0).<Integer>path("version"), r.path("version"));
        }
        int loyalty = answers.get(0).path("loyalty_credits");
        // a "retry" naming another battery is no retry
        String otherBattery = (String) Flow.bestCharged(Flow.staff(STAFF), STATION, 0).get("battery_id");
        assertProblem(json(Flow.staff(STAFF), Map.of("swap_id", swapId, "old_battery_id", oldBattery,
                "new_battery_id", otherBattery, "faulty", false, "swap_duration_seconds", 160))
                .post("/swap/complete"), 409, "swap-already-completed");

        Map<String, Integer> expected = Flow.plus(Flow.plus(inventoryBefore, "charged", -1), "charging", 1);
        await("inventory of " + STATION + " = " + expected, () -> Flow.inventory(Flow.admin(ADMIN), STATION),
                expected::equals);
        Response credits = await("loyalty credits for " + swapId, () -> Flow.rider(COMPLETE_RIDER)
                .get("/credits/" + riderId), r -> r.statusCode() == 200
                        && ((List<?>) r.path("entries.source_key")).contains("swap.completed:" + swapId));
        Flow.sleep(2_000); // late duplicates would have landed by now
        assertEquals(expected, Flow.inventory(Flow.admin(ADMIN), STATION), "the inventory moved once");
        credits = Flow.rider(COMPLETE_RIDER).get("/credits/" + riderId);
        List<String> keys = credits.path("entries.source_key");
        assertEquals(1, keys.stream().filter(("swap.completed:" + swapId)::equals).count(), keys::toString);
        assertEquals(creditsBefore + loyalty, ((Number) credits.path("balance")).doubleValue(), 1e-6);

        Map<String, Object> handedOut = Flow.battery(Flow.staff(STAFF), newBattery);
        assertEquals("in_use", handedOut.get("status"));
        assertEquals(riderId, handedOut.get("holder_id"));
        assertEquals(swapId, handedOut.get("last_swap_id"));
        assertEquals("charging", Flow.battery(Flow.staff(STAFF), oldBattery).get("status"));
        assertEquals("charged", Flow.battery(Flow.staff(STAFF), otherBattery).get("status"));
        List<Map<String, Object>> history = Flow.rider(COMPLETE_RIDER).get("/swap/user/" + riderId).then()
                .statusCode(200).extract().path("items");
        assertEquals(1, history.stream().filter(s -> swapId.equals(s.get("swap_id"))).count());
        assertNotNull(history.get(0).get("completed_at"));
        await("reservation completed", () -> Flow.rider(COMPLETE_RIDER).get("/queue/" + started.queueId()),
                r -> "completed".equals(r.path("status")));
    }

    @Test
    void aRiderTappingConfirmFiveTimesAtOnceHoldsOneReservation() {
        List<Callable<Response>> taps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taps.add(() -> json(Flow.unpaced(DemoUsers.rider(DOUBLE_TAP_RIDER), DemoUsers.RIDER_PASSWORD),
                    Map.of("station_id", STATION)).post("/queue/confirm"));
        }
        List<Response> answers = Flow.atOnce(taps);
        List<Response> created = answers.stream().filter(r -> r.statusCode() == 201).toList();
        assertEquals(1, created.size(), () -> answers.stream().map(Response::asString).toList().toString());
        answers.stream().filter(r -> r.statusCode() != 201)
                .forEach(r -> assertProblem(r, 409, "active-reservation-exists"));
        String queueId = created.get(0).path("queue_id");
        List<String> mine = Flow.staff(STAFF).get("/queue/status/" + STATION).path("entries.findAll { it.user_id == '"
                + Flow.riderId(DOUBLE_TAP_RIDER) + "' }.queue_id");
        assertEquals(List.of(queueId), mine);
        Flow.rider(DOUBLE_TAP_RIDER).post("/queue/" + queueId + "/cancel").then().statusCode(200);
    }

    @Test
    void scanRacingACancellationHasOneWinner() {
        Response confirmed = json(Flow.rider(CANCEL_RACE_RIDER), Map.of("station_id", STATION)).post("/queue/confirm");
        assertEquals(201, confirmed.statusCode(), confirmed::asString);
        String queueId = confirmed.path("queue_id");
        String token = confirmed.path("qr_token");
        Flow.sleep(300);
        List<Response> answers = Flow.atOnce(List.of(
                () -> json(Flow.unpaced(DemoUsers.staff(STAFF), DemoUsers.STAFF_PASSWORD),
                        Map.of("qr_token", token, "station_id", STATION)).post("/qr/verify"),
                () -> Flow.unpaced(DemoUsers.rider(CANCEL_RACE_RIDER), DemoUsers.RIDER_PASSWORD)
                        .post("/queue/" + queueId + "/cancel")));
        Response scan = answers.get(0);
        Response cancel = answers.get(1);
        String status = Flow.rider(CANCEL_RACE_RIDER).get("/queue/" + queueId).path("status");
        if (scan.statusCode() == 200) {
            assertProblem(cancel, 409, "reservation-not-cancellable");
            assertEquals("in_progress", status);
            String swapId = scan.path("swap_id");
            Response swap = await("swap " + swapId, () -> Flow.staff(STAFF).get("/swap/" + swapId),
                    r -> r.statusCode() == 200);
            assertEquals("started", swap.path("status"));
        } else {
            assertEquals(200, cancel.statusCode(), cancel::asString);
            assertProblem(scan, 409, "reservation-not-active");
            assertEquals("cancelled", status);
            assertNull(Flow.rider(CANCEL_RACE_RIDER).get("/queue/" + queueId).path("swap_id"));
        }
    }

    @Test
    void twoCompletionsNamingDifferentBatteriesHandOutOne() {
        String riderId = Flow.riderId(TWO_BATTERIES_RIDER);
        String swapId = Flow.swapInProgress(TWO_BATTERIES_RIDER, STAFF, STATION).swapId();

        Map<String, Integer> inventoryBefore = Flow.inventory(Flow.admin(ADMIN), STATION);
        List<Map<String, Object>> charged = Flow.admin(ADMIN).queryParam("station_id", STATION)
                .queryParam("status", "charged").get("/batteries").path("");
        assertTrue(charged.size() >= 2, "two charged batteries at " + STATION);
        String first = (String) charged.get(0).get("battery_id");
        String second = (String) charged.get(1).get("battery_id");
        String oldBattery = Flow.riderBattery(TWO_BATTERIES_RIDER);
        Flow.sleep(500);
        List<Response> answers = Flow.atOnce(List.of(
                () -> json(Flow.unpaced(DemoUsers.staff(STAFF), DemoUsers.STAFF_PASSWORD), Map.of("swap_id", swapId,
                        "old_battery_id", oldBattery, "new_battery_id", first, "faulty", false,
                        "swap_duration_seconds", 120)).post("/swap/complete"),
                () -> json(Flow.unpaced("admin" + ADMIN + "@navswap.dev", DemoUsers.ADMIN_PASSWORD), Map.of("swap_id",
                        swapId, "old_battery_id", oldBattery, "new_battery_id", second, "faulty", false,
                        "swap_duration_seconds", 120)).post("/swap/complete")));
        List<Response> won = answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertEquals(1, won.size(), () -> answers.stream().map(r -> r.statusCode() + " " + r.asString()).toList()
                .toString());
        answers.stream().filter(r -> r.statusCode() != 200).forEach(Flow::assertClientProblem);
        String handedOut = won.get(0).path("new_battery_id");
        String keptBack = handedOut.equals(first) ? second : first;

        Map<String, Integer> expected = Flow.plus(Flow.plus(inventoryBefore, "charged", -1), "charging", 1);
        await("inventory of " + STATION + " = " + expected, () -> Flow.inventory(Flow.admin(ADMIN), STATION),
                expected::equals);
        Flow.sleep(1_500);
        assertEquals(expected, Flow.inventory(Flow.admin(ADMIN), STATION), "one battery left the station");
        Map<String, Object> out = Flow.battery(Flow.staff(STAFF), handedOut);
        assertEquals("in_use", out.get("status"));
        assertEquals(riderId, out.get("holder_id"));
        Map<String, Object> back = Flow.battery(Flow.staff(STAFF), keptBack);
        assertEquals("charged", back.get("status"), back::toString);
        assertEquals(STATION, back.get("station_id"));
        Response swap = Flow.rider(TWO_BATTERIES_RIDER).get("/swap/" + swapId);
        assertEquals("completed", swap.path("status"));
        assertEquals(handedOut, swap.path("new_battery_id"));
    }

    @Test
    void twoSwapsReachingForTheSameBatteryHandItToOneRider() {
        String[] swapIds = new String[2];
        int[] riders = { SAME_BATTERY_RIDERS, SAME_BATTERY_RIDERS + 1 };
        for (int i = 0; i < 2; i++) {
            swapIds[i] = Flow.swapInProgress(riders[i], STAFF, STATION).swapId();
        }
        Map<String, Integer> inventoryBefore = Flow.inventory(Flow.admin(ADMIN), STATION);
        String battery = (String) Flow.bestCharged(Flow.staff(STAFF), STATION, 0).get("battery_id");
        Flow.sleep(1_500);
        List<Response> answers = Flow.atOnce(List.of(
                () -> json(Flow.unpaced(DemoUsers.staff(STAFF), DemoUsers.STAFF_PASSWORD), Map.of("swap_id",
                        swapIds[0], "old_battery_id", Flow.riderBattery(riders[0]), "new_battery_id", battery,
                        "faulty", false, "swap_duration_seconds", 90)).post("/swap/complete"),
                () -> json(Flow.unpaced("admin" + ADMIN + "@navswap.dev", DemoUsers.ADMIN_PASSWORD), Map.of("swap_id",
                        swapIds[1], "old_battery_id", Flow.riderBattery(riders[1]), "new_battery_id", battery,
                        "faulty", false, "swap_duration_seconds", 90)).post("/swap/complete")));
        List<Integer> won = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            if (answers.get(i).statusCode() == 200) {
                won.add(i);
            } else {
                assertProblem(answers.get(i), 409, "battery-not-charged");
            }
        }
        assertEquals(1, won.size(), () -> answers.stream().map(Response::asString).toList().toString());
        int winner = won.get(0);
        int loser = 1 - winner;
        assertEquals(Flow.riderId(riders[winner]), Flow.battery(Flow.staff(STAFF), battery).get("holder_id"));
        assertEquals("in_use", Flow.battery(Flow.staff(STAFF), Flow.riderBattery(riders[loser])).get("status"),
                "the loser's rider keeps their battery");
        assertEquals("started", Flow.staff(STAFF).get("/swap/" + swapIds[loser]).path("status"));
        Map<String, Integer> expected = Flow.plus(Flow.plus(inventoryBefore, "charged", -1), "charging", 1);
        await("inventory of " + STATION + " = " + expected, () -> Flow.inventory(Flow.admin(ADMIN), STATION),
                expected::equals);

        // the loser's swap completes with another battery
        String another = (String) Flow.bestCharged(Flow.staff(STAFF), STATION, 0).get("battery_id");
        Response second = json(Flow.staff(STAFF), Map.of("swap_id", swapIds[loser], "old_battery_id",
                Flow.riderBattery(riders[loser]), "new_battery_id", another, "faulty", false,
                "swap_duration_seconds", 90)).post("/swap/complete");
        assertEquals(200, second.statusCode(), second::asString);
        Map<String, Integer> both = Flow.plus(Flow.plus(expected, "charged", -1), "charging", 1);
        await("inventory of " + STATION + " = " + both, () -> Flow.inventory(Flow.admin(ADMIN), STATION), both::equals);
    }

    @Test
    void simultaneousGpsFixesMoveTheReservationForwardOnce() {
        Response confirmed = json(Flow.rider(GPS_RIDER), Map.of("station_id", STATION)).post("/queue/confirm");
        assertEquals(201, confirmed.statusCode(), confirmed::asString);
        String queueId = confirmed.path("queue_id");
        var station = Flow.station(STATION);
        Flow.sleep(1_500);
        List<Callable<Response>> fixes = new ArrayList<>();
        for (int meters : new int[] { 900, 800, 400, 300, 900, 450 }) {
            fixes.add(() -> json(Flow.unpaced(DemoUsers.rider(GPS_RIDER), DemoUsers.RIDER_PASSWORD),
                    Flow.northOf(station, meters)).post("/location/update"));
        }
        List<Response> answers = Flow.atOnce(fixes);
        answers.forEach(r -> assertEquals(200, r.statusCode(), r::asString));
        List<String> triggered = answers.stream().flatMap(r -> r.<List<String>>path("triggered").stream()).toList();
        assertEquals(1, triggered.stream().filter("arrived"::equals).count(), triggered::toString);
        assertTrue(triggered.stream().filter("approaching"::equals).count() <= 1, triggered::toString);
        Response reservation = Flow.rider(GPS_RIDER).get("/queue/" + queueId);
        assertEquals("arrived", reservation.path("status"));
        Response later = json(Flow.rider(GPS_RIDER), Flow.northOf(station, 1500)).post("/location/update");
        assertEquals(List.of(), later.path("triggered"));
        assertEquals("arrived", later.path("status"), "forward only");
        Flow.rider(GPS_RIDER).post("/queue/" + queueId + "/cancel").then().statusCode(200);
    }
}
