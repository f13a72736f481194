package io.navswap.station.rest;

import static io.navswap.station.support.Api.admin;
import static io.navswap.station.support.Api.commission;
import static io.navswap.station.support.Api.createStation;
import static io.navswap.station.support.Api.staff;
import static io.navswap.station.support.Api.status;
import static io.navswap.station.support.Api.withRider;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.navswap.station.repository.BatteryRepository;
import io.navswap.station.support.Api;
import io.navswap.station.support.Eventually;
import io.navswap.station.support.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatteryExchangeTest {
    private static final AtomicInteger IDS = new AtomicInteger(100);

    @Inject
    BatteryRepository batteries;

    /** A station with one charged battery (SOH 92) and one rider battery; answers {station, new, old}. */
    private static String[] scene(double newSoh) {
        String station = "ST-TEX-" + IDS.incrementAndGet();
        double[] spot = Api.newSpot();
        createStation(station, "Swapville", spot[0], spot[1], 10);
        String prefix = "BAT-" + station.substring(3);
        commission(prefix + "-01", station, newSoh, "charged");
        withRider(prefix + "-90", station, "usr-c-007", 81.0);
        return new String[] { station, prefix + "-01", prefix + "-90" };
    }

    private static Map<String, Object> exchange(String swapId, String station, String newBattery, String oldBattery) {
        Map<String, Object> body = new HashMap<>();
        body.put("swap_id", swapId);
        body.put("station_id", station);
        body.put("new_battery_id", newBattery);
        body.put("old_battery_id", oldBattery);
        body.put("old_battery_soh", 82.5);
        body.put("faulty", false);
        body.put("min_soh", 80);
        return body;
    }

    @Test
    void theRecountProbeHasASparseIndexOfPendingMarkers() {
        Document pending = batteries.mongoCollection().listIndexes().collect().asList().await().atMost(Duration.ofSeconds(10))
                .stream().filter(index -> "inventory_pending".equals(index.getString("name"))).findFirst().orElseThrow();
        assertEquals(new Document("inventoryPending.0", 1), pending.get("key", Document.class));
        assertEquals(Boolean.TRUE, pending.getBoolean("sparse"), "only batteries with markers are in it");
    }

    @Test
    void exchangeHandsTheChargedBatteryToTheRiderAndKeepsTheReturnedOne() {
        String[] s = scene(92.0);
        long before = batteries.countActive().await().indefinitely();
        staff().body(exchange("SWP-" + s[0] + "-1", s[0], s[1], s[2])).when().post("/batteries/exchange").then()
                .statusCode(200)
                .body("swap_id", equalTo("SWP-" + s[0] + "-1"))
                .body("new_battery_id", equalTo(s[1]))
                .body("old_battery_id", equalTo(s[2]))
                .body("old_battery_status", equalTo("charging"))
                .body("quarantined", equalTo(false));
        admin().when().get("/batteries/" + s[1]).then()
                .body("status", equalTo("in_use")).body("location_type", equalTo("rider"))
                .body("location_id", equalTo("usr-c-007")).body("holder_id", equalTo("usr-c-007"))
                .body("station_id", nullValue()).body("last_swap_id", equalTo("SWP-" + s[0] + "-1"));
        admin().when().get("/batteries/" + s[2]).then()
                .body("status", equalTo("charging")).body("station_id", equalTo(s[0]))
                .body("soh", equalTo(82.5f)).body("holder_id", nullValue());
        assertEquals(before, batteries.countActive().await().indefinitely(), "a swap never changes the total");
        Eventually.holds(() -> staff().when().get("/station/" + s[0]).then()
                .body("charged_available", equalTo(0)).body("inventory.charging", equalTo(1)));
        KafkaProbe.await("navswap.jobs", r -> ("station:" + s[0]).equals(r.key())
                && "inventory.changed".equals(r.envelope().path("type").asText())
                && r.envelope().path("data").path("counts_by_status").path("charging").asInt() == 1
                && r.envelope().path("data").path("counts_by_status").path("charged").asInt() == 0,
                Duration.ofSeconds(20));
    }

    @Test
    void lowSohReturnIsQuarantinedWithALevelOneFault() {
        String[] s = scene(92.0);
        Map<String, Object> body = exchange("SWP-" + s[0] + "-Q", s[0], s[1], s[2]);
        body.put("old_battery_soh", 71.0);
        staff().body(body).when().post("/batteries/exchange").then().statusCode(200)
                .body("old_battery_status", equalTo("quarantined")).body("quarantined", equalTo(true));
        assertEquals("quarantined", status(s[2]));
        KafkaProbe.Received fault = KafkaProbe.await("navswap.faults",
                r -> ("battery:" + s[2]).equals(r.key()) && "fault.recorded".equals(r.envelope().path("type").asText()),
                Duration.ofSeconds(20));
        assertEquals(1, fault.envelope().path("data").path("level").asInt());
        assertEquals(s[0], fault.envelope().path("data").path("station_id").asText());
        assertEquals(71.0, fault.envelope().path("data").path("soh").asDouble(), 1e-9);
        assertEquals("SWP-" + s[0] + "-Q", fault.envelope().path("data").path("source_event_id").asText());
    }

    @Test
    void faultyFlagQuarantinesEvenAHealthyReturn() {
        String[] s = scene(92.0);
        Map<String, Object> body = exchange("SWP-" + s[0] + "-F", s[0], s[1], s[2]);
        body.put("faulty", true);
        staff().body(body).when().post("/batteries/exchange").then().statusCode(200)
                .body("old_battery_status", equalTo("quarantined")).body("quarantined", equalTo(true));
    }

    @Test
    void retryOfTheSameSwapAnswersTheSameResultAndMovesNothingTwice() {
        String[] s = scene(92.0);
        Map<String, Object> body = exchange("SWP-" + s[0] + "-R", s[0], s[1], s[2]);
        String first = staff().body(body).when().post("/batteries/exchange").then().statusCode(200).extract().asString();
        long versionNew = admin().when().get("/batteries/" + s[1]).then().extract().<Integer>path("version");
        long versionOld = admin().when().get("/batteries/" + s[2]).then().extract().<Integer>path("version");
        String second = staff().body(body).when().post("/batteries/exchange").then().statusCode(200).extract().asString();
        assertEquals(first, second);
        assertEquals(versionNew, (long) admin().when().get("/batteries/" + s[1]).then().extract().<Integer>path("version"));
        assertEquals(versionOld, (long) admin().when().get("/batteries/" + s[2]).then().extract().<Integer>path("version"));
    }

    @Test
    void eachRefusalHasItsOwnProblemType() {
        String[] s = scene(85.0);
        String station = s[0];
        // unknown battery
        staff().body(exchange("SWP-X1", station, "BAT-NOPE-1", s[2])).when().post("/batteries/exchange").then()
                .statusCode(404).body("type", equalTo("https://navswap.io/problems/battery-not-found"));
        // SOH below the reservation's minimum
        Map<String, Object> tooLow = exchange("SWP-X2", station, s[1], s[2]);
        tooLow.put("min_soh", 90);
        staff().body(tooLow).when().post("/batteries/exchange").then()
                .statusCode(409).body("type", equalTo("https://navswap.io/problems/battery-soh-too-low"));
        // battery at another station
        String[] other = scene(95.0);
        staff().body(exchange("SWP-X3", station, other[1], s[2])).when().post("/batteries/exchange").then()
                .statusCode(409).body("type", equalTo("https://navswap.io/problems/battery-wrong-station"));
        // battery still charging
        commission("BAT-" + station.substring(3) + "-02", station, 95.0, "charging");
        staff().body(exchange("SWP-X4", station, "BAT-" + station.substring(3) + "-02", s[2]))
                .when().post("/batteries/exchange").then()
                .statusCode(409).body("type", equalTo("https://navswap.io/problems/battery-not-charged"));
        // returned battery is not with a rider: nothing moves
        commission("BAT-" + station.substring(3) + "-03", station, 88.0, "charged");
        staff().body(exchange("SWP-X5", station, s[1], "BAT-" + station.substring(3) + "-03"))
                .when().post("/batteries/exchange").then()
                .statusCode(409).body("type", equalTo("https://navswap.io/problems/old-battery-not-in-use"));
        assertEquals("charged", status(s[1]));
        // same battery twice, and bad input
        staff().body(exchange("SWP-X6", station, s[1], s[1])).when().post("/batteries/exchange").then()
                .statusCode(400).body("type", equalTo("https://navswap.io/problems/same-battery"));
        staff().body(Map.of("swap_id", "", "station_id", "nowhere", "old_battery_soh", 120)).when()
                .post("/batteries/exchange").then().statusCode(400)
                .body("type", equalTo("https://navswap.io/problems/validation-failed"));
        assertEquals("charged", status(s[1]));
        assertEquals("in_use", status(s[2]));
    }

    @Test
    void ridersAndTransportersCannotExchange() {
        String[] s = scene(92.0);
        Api.rider().body(exchange("SWP-C1", s[0], s[1], s[2])).when().post("/batteries/exchange").then().statusCode(403);
        Api.as("usr-t-001", "transporter").body(exchange("SWP-C2", s[0], s[1], s[2])).when().post("/batteries/exchange")
                .then().statusCode(403);
        assertEquals("charged", status(s[1]));
    }

    @Test
    void concurrentSwapsForTheSameChargedBatteryHaveExactlyOneWinner() throws Exception {
        String[] s = scene(92.0);
        int riders = 8;
        List<String> returned = new ArrayList<>();
        for (int i = 0; i < riders; i++) {
            String id = "BAT-" + s[0].substring(3) + "-" + (50 + i);
            withRider(id, s[0], "usr-c-0" + (10 + i), 80.0);
            returned.add(id);
        }
        long before = batteries.countActive().await().indefinitely();
        List<Response> answers = parallel(riders, i -> staff()
                .body(exchange("SWP-" + s[0] + "-C" + i, s[0], s[1], returned.get(i))).post("/batteries/exchange"));
        long winners = answers.stream().filter(r -> r.statusCode() == 200).count();
        assertEquals(1, winners, "exactly one swap gets the battery");
        answers.stream().filter(r -> r.statusCode() != 200).forEach(r -> {
            assertEquals(409, r.statusCode());
            assertEquals("https://navswap.io/problems/battery-not-charged", r.jsonPath().getString("type"));
        });
        long charging = returned.stream().filter(id -> "charging".equals(status(id))).count();
        assertEquals(1, charging, "only the winner's returned battery was taken back");
        assertEquals("in_use", status(s[1]));
        assertEquals(before, batteries.countActive().await().indefinitely());
    }

    @Test
    void concurrentRetriesOfOneSwapAllAnswerTheSame() throws Exception {
        String[] s = scene(92.0);
        Map<String, Object> body = exchange("SWP-" + s[0] + "-P", s[0], s[1], s[2]);
        List<Response> answers = parallel(6, i -> staff().body(body).post("/batteries/exchange"));
        answers.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        assertEquals(1, answers.stream().map(r -> r.jsonPath().getMap("$")).distinct().count());
        assertEquals("in_use", status(s[1]));
        assertEquals("charging", status(s[2]));
    }

    @Test
    void retryNamingAnotherNewBatteryAnswersWhatMovedAndHandsOverNothing() {
        String[] s = scene(92.0);
        String other = "BAT-" + s[0].substring(3) + "-02";
        commission(other, s[0], 95.0, "charged");
        staff().body(exchange("SWP-" + s[0] + "-O", s[0], s[1], s[2])).when().post("/batteries/exchange").then()
                .statusCode(200);
        staff().body(exchange("SWP-" + s[0] + "-O", s[0], other, s[2])).when().post("/batteries/exchange").then()
                .statusCode(200).body("new_battery_id", equalTo(s[1])).body("old_battery_status", equalTo("charging"));
        assertEquals("charged", status(other));
        assertEquals("in_use", status(s[1]));
    }

    @Test
    void concurrentAttemptsOfOneSwapNamingDifferentNewBatteriesHandOverOne() throws Exception {
        String[] s = scene(92.0);
        String prefix = "BAT-" + s[0].substring(3);
        List<String> candidates = new ArrayList<>(List.of(s[1]));
        for (int i = 2; i <= 6; i++) {
            commission(prefix + "-0" + i, s[0], 90.0, "charged");
            candidates.add(prefix + "-0" + i);
        }
        List<Response> answers = parallel(candidates.size(), i -> staff()
                .body(exchange("SWP-" + s[0] + "-D", s[0], candidates.get(i), s[2])).post("/batteries/exchange"));
        answers.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        List<String> handedOut = candidates.stream().filter(id -> "in_use".equals(status(id))).toList();
        assertEquals(1, handedOut.size(), "one battery leaves with the rider: " + handedOut);
        answers.forEach(r -> assertEquals(handedOut.get(0), r.jsonPath().getString("new_battery_id"), r.asString()));
        assertEquals("charging", status(s[2]));
        Eventually.holds(() -> staff().when().get("/station/" + s[0]).then()
                .body("charged_available", equalTo(candidates.size() - 1)).body("inventory.charging", equalTo(1)));
    }

    interface Call {
        Response run(int i);
    }

    /** Fires {@code n} requests at once (released together by a latch) and answers their responses. */
    static List<Response> parallel(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Response> task = () -> {
                    go.await();
                    return call.run(index);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
