package io.navswap.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 4 (battery logistics) end to end, only through the gateway with tokens from /auth/login; Kafka is read
 * (and written, for the redelivery test) with plain clients.
 *
 * <p>Stations: no other test class uses these. Kolkata carries the loop: ST-KOL-002 (Park Street, capacity 20,
 * seeded with 15 charged) is drained by admin retirements to 3 charged (below 20 % of capacity) and is supplied by
 * ST-KOL-001 (Salt Lake, 16 charged of 24: a surplus station) or the Kolkata partner shop PS-KOL-001, whichever
 * logistics chooses. Ahmedabad carries the rest: the ten-transporter race is on a manual job ST-AMD-001 →
 * PS-AMD-001 (cancelled afterwards, so nothing moves), and ST-AMD-002 (capacity 20, 13 charged) is drained while
 * ai-service is stopped. Retiring (admin) is one of the two documented ways the network total changes, so the
 * total is measured after the drain and must then stay the same through the whole transport.
 *
 * <p>Users: admin2 (drives and inspects), transporter11 (the loop), transporter12 (a stranger to it),
 * transporters 01..10 (the race; 01..08 hold one seeded job each, so all ten may still accept).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogisticsLoopE2ETest {
    private static final String PROBLEM = "application/problem+json";
    private static final String ADMIN = "admin2@navswap.dev";
    private static final String SHORT_STATION = "ST-KOL-002";
    private static final String AI_DOWN_STATION = "ST-AMD-002";
    private static final String CARRIER = DemoUsers.transporter(11);
    private static final String CARRIER_ID = "usr-t-011";
    private static final String STRANGER = DemoUsers.transporter(12);
    private static final double CREDITS_BASE = 10;
    private static final double CREDITS_RATE = 2;
    private static final Set<String> LIVE = Set.of("open", "accepted", "picked_up");

    /** The loop's job, kept for the later tests. */
    private static String loopJobId;

    private static RequestSpecification admin() {
        return Gateway.as(ADMIN, DemoUsers.ADMIN_PASSWORD);
    }

    private static RequestSpecification carrier() {
        return Gateway.as(CARRIER, DemoUsers.TRANSPORTER_PASSWORD);
    }

    @Test
    @Order(1)
    void shortageBecomesAJobThatIsCarriedDeliveredAndPaid() {
        // 1. Inventory drops below the threshold: retire charged batteries until 3 of 20 slots are charged.
        List<String> charged = chargedAt(SHORT_STATION);
        assertTrue(charged.size() >= 4, "seed gives " + SHORT_STATION + " more than 3 charged batteries: " + charged);
        retireAllBut(charged, 3);
        long networkTotal = networkTotal();

        // 2. A rebalancing job appears by itself, exactly one for this shortage.
        List<Map<String, Object>> jobs = OpsPolling.until("a rebalancing job to " + SHORT_STATION, Duration.ofSeconds(40),
                () -> liveJobsTo(SHORT_STATION), list -> !list.isEmpty());
        assertEquals(1, jobs.size(), "one live job per shortage: " + jobs);
        JsonPath job = jobById((String) jobs.get(0).get("job_id"));
        loopJobId = job.getString("job_id");
        assertEquals("open", job.getString("status"));
        assertEquals("rebalancing", job.getString("origin"));
        assertEquals("station", job.getString("destination.type"));
        String sourceType = job.getString("source.type");
        String sourceId = job.getString("source.id");
        assertTrue(sourceId.startsWith("ST-KOL-") || sourceId.startsWith("PS-KOL-"), "a Kolkata source: " + sourceId);
        int planned = job.getInt("battery_count");
        assertTrue(planned >= 1 && planned <= 10, "one vehicle load: " + planned);
        double distance = job.getDouble("distance_km");
        assertEquals(credits(distance, planned), job.getDouble("credits"), 0.011, "offered credits follow the formula");
        assertNotBlank(job.getString("planned_by"));

        // 3. The transporter sees it near the source, best-first list with its pickup distance.
        double sourceLat = job.getDouble("source.latitude");
        double sourceLon = job.getDouble("source.longitude");
        List<Map<String, Object>> market = carrier().queryParam("latitude", sourceLat).queryParam("longitude", sourceLon)
                .queryParam("radius_km", 5).get("/transport/jobs/available")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> offered = market.stream().filter(j -> loopJobId.equals(j.get("job_id"))).findFirst()
                .orElseThrow(() -> new AssertionError(loopJobId + " not offered near its source: " + market));
        assertTrue(((Number) offered.get("distance_to_pickup_km")).doubleValue() < 0.1);
        assertTrue(((Number) offered.get("credits_per_km")).doubleValue() > 0);

        Map<String, Integer> sourceBefore = inventory(sourceType, sourceId);
        Map<String, Integer> destinationBefore = inventory("station", SHORT_STATION);
        JsonPath ledgerBefore = credits(carrier(), CARRIER_ID);

        // 4. Accept, pick up, deliver.
        carrier().contentType(ContentType.JSON).body(Map.of("job_id", loopJobId)).post("/transport/job/accept")
                .then().statusCode(200).body("status", equalTo("accepted")).body("transporter_id", equalTo(CARRIER_ID));
        // No battery ids: at a station source logistics names the best charged ones station-service lists there.
        // (Sent as an empty JSON object: a POST with neither body nor Content-Type is answered 415.)
        JsonPath pickedUp = carrier().contentType(ContentType.JSON).body("{}").post("/transport/job/" + loopJobId + "/pickup")
                .then().statusCode(200).body("status", equalTo("picked_up")).extract().jsonPath();
        int count = pickedUp.getInt("battery_count");
        List<String> batteryIds = pickedUp.getList("battery_ids");
        assertTrue(count >= 1 && count <= planned, "picked up " + count + " of " + planned);
        if ("station".equals(sourceType)) {
            assertEquals(count, batteryIds.size(), "a station source names the batteries that leave");
        }

        Map<String, Integer> sourceExpected = new HashMap<>(sourceBefore);
        String leaving = "station".equals(sourceType) ? "charged" : "at_partner";
        sourceExpected.merge(leaving, -count, Integer::sum);
        OpsPolling.until("the batteries to leave " + sourceId, Duration.ofSeconds(20),
                () -> inventory(sourceType, sourceId), sourceExpected::equals);
        for (String id : batteryIds) {
            admin().get("/batteries/" + id).then().statusCode(200).body("status", equalTo("in_transit"));
            OpsPolling.pause(Duration.ofMillis(150));
        }

        JsonPath delivered = carrier().post("/transport/job/" + loopJobId + "/complete")
                .then().statusCode(200).body("status", equalTo("delivered")).extract().jsonPath();
        double earned = delivered.getDouble("earned_credits");
        assertEquals(credits(distance, count), earned, 0.011, "earned = base + km x batteries x rate");

        // 5. Both inventories are right, by status: the batteries left charged (or from shop stock) and arrive charged.
        Map<String, Integer> destinationExpected = new HashMap<>(destinationBefore);
        destinationExpected.merge("charged", count, Integer::sum);
        OpsPolling.until("the batteries to arrive at " + SHORT_STATION, Duration.ofSeconds(20),
                () -> inventory("station", SHORT_STATION), destinationExpected::equals);
        assertEquals(sourceExpected, inventory(sourceType, sourceId), "source unchanged after the delivery");
        for (String id : batteryIds) {
            admin().get("/batteries/" + id).then().statusCode(200).body("status", equalTo("charged"))
                    .body("location_id", equalTo(SHORT_STATION));
            OpsPolling.pause(Duration.ofMillis(150));
        }

        // 6. The ledger holds one entry for the delivery; history shows the job and its earnings.
        JsonPath ledgerAfter = credits(carrier(), CARRIER_ID);
        assertEquals(ledgerBefore.getLong("entry_count") + 1, ledgerAfter.getLong("entry_count"));
        assertEquals(ledgerBefore.getDouble("balance") + earned, ledgerAfter.getDouble("balance"), 0.011);
        List<Map<String, Object>> entries = ledgerAfter.getList("entries");
        List<Map<String, Object>> forJob = entries.stream()
                .filter(e -> ("job.delivered:" + loopJobId).equals(e.get("source_key"))).toList();
        assertEquals(1, forJob.size(), "one ledger entry per delivery: " + entries);
        assertEquals("transport_earnings", forJob.get(0).get("kind"));
        assertEquals(earned, ((Number) forJob.get(0).get("amount")).doubleValue(), 0.011);
        JsonPath history = carrier().get("/transport/history/" + CARRIER_ID).then().statusCode(200).extract().jsonPath();
        assertTrue(history.getList("jobs.job_id").contains(loopJobId), "history lists the job");
        assertTrue(history.getLong("delivered_jobs") >= 1);
        assertTrue(history.getDouble("total_earnings") >= earned);

        // 7. Batteries only moved: the network total is what it was after the drain.
        assertEquals(networkTotal, networkTotal(), "the network battery total never changes by transport");
    }

    @Test
    @Order(2)
    void tenTransportersAcceptingOneJobAtOnceGiveOneWinner() throws Exception {
        String jobId = admin().contentType(ContentType.JSON)
                .body(Map.of("source_type", "station", "source_id", "ST-AMD-001", "destination_type", "partner_shop",
                        "destination_id", "PS-AMD-001", "battery_count", 2, "priority", "high",
                        "notes", "e2e: race for one job"))
                .post("/transport/jobs")
                .then().statusCode(201).header("Location", containsString("/transport/job/"))
                .body("status", equalTo("open")).body("origin", equalTo("manual"))
                .extract().path("job_id");
        List<String> tokens = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            tokens.add(Gateway.token(DemoUsers.transporter(n), DemoUsers.TRANSPORTER_PASSWORD));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (String token : tokens) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return Gateway.anonymous().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                            .body(Map.of("job_id", jobId)).post("/transport/job/accept");
                }, pool));
            }
            go.countDown();
            List<Response> answers = calls.stream().map(CompletableFuture::join).toList();
            List<Response> winners = answers.stream().filter(r -> r.statusCode() == 200).toList();
            List<Response> losers = answers.stream().filter(r -> r.statusCode() == 409).toList();
            assertEquals(1, winners.size(), "exactly one winner: " + answers.stream().map(Response::statusCode).toList());
            assertEquals(9, losers.size(), "nine 409s");
            for (Response loser : losers) {
                assertEquals(PROBLEM, loser.contentType().split(";")[0]);
                assertTrue(loser.jsonPath().getString("type").endsWith("/job-already-taken"), loser.asString());
            }
            String winner = winners.get(0).jsonPath().getString("transporter_id");
            admin().get("/transport/job/" + jobId).then().statusCode(200)
                    .body("status", equalTo("accepted")).body("transporter_id", equalTo(winner));
        } finally {
            pool.shutdownNow();
            // Nothing was picked up: cancelling frees the winner's slot and AMD-001's stock for later tests.
            admin().contentType(ContentType.JSON).body(Map.of("reason", "e2e race over"))
                    .post("/transport/job/" + jobId + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        }
    }

    @Test
    @Order(3)
    void redeliveredJobAndSwapEventsChangeNothing() {
        String[] jobsGroups = { "logistics-service", "station-service" };
        String[] swapsGroups = { "logistics-service", "station-service", "queue-service", "swap-service" };
        OpsKafka.awaitConsumed("navswap.jobs", Duration.ofSeconds(30), jobsGroups);
        OpsKafka.awaitConsumed("navswap.swaps", Duration.ofSeconds(30), swapsGroups);

        List<ConsumerRecord<String, String>> jobEvents = OpsKafka.readAll("navswap.jobs");
        List<ConsumerRecord<String, String>> swapEvents = OpsKafka.readAll("navswap.swaps");
        // Event facts of the loop: every step of the job was announced, keyed by the job.
        List<String> loopEvents = jobEvents.stream().filter(r -> ("job:" + loopJobId).equals(r.key()))
                .map(r -> JsonPath.from(r.value()).getString("type")).toList();
        assertTrue(loopEvents.containsAll(List.of("job.created", "job.accepted", "job.picked_up", "job.delivered")),
                "the loop's job events on navswap.jobs: " + loopEvents);
        assertTrue(jobEvents.stream().anyMatch(r -> r.value().contains("inventory.changed")
                && r.value().contains(SHORT_STATION)), "inventory events of the drained station are on navswap.jobs");
        // Riders whose loyalty credits come from the swaps on the topic (if other flows ran before this class).
        List<String> riders = swapEvents.stream().map(r -> JsonPath.from(r.value()))
                .filter(e -> "swap.completed".equals(e.getString("type")))
                .map(e -> e.getString("data.user_id")).distinct().limit(5).toList();

        Snapshot before = snapshot(riders);
        long deadLetters = OpsKafka.deadLetters();
        int replayed = OpsKafka.republish(jobEvents, r -> true) + OpsKafka.republish(swapEvents, r -> true);
        assertEquals(jobEvents.size() + swapEvents.size(), replayed);
        OpsKafka.awaitConsumed("navswap.jobs", Duration.ofSeconds(40), jobsGroups);
        OpsKafka.awaitConsumed("navswap.swaps", Duration.ofSeconds(40), swapsGroups);

        Snapshot after = snapshot(riders);
        assertEquals(before.jobs(), after.jobs(), "no job created, moved or lost by redelivered events");
        assertEquals(before.ledgers(), after.ledgers(), "no credits booked twice");
        assertEquals(before.inventories(), after.inventories(), "no battery moved twice");
        assertEquals(before.networkTotal(), after.networkTotal());
        assertEquals(deadLetters, OpsKafka.deadLetters(), "every redelivered event was handled, none dead-lettered");
    }

    @Test
    @Order(4)
    void withAiServiceStoppedJobsAreStillPlannedByTheHeuristics() throws Exception {
        var stack = RunningStack.get();
        stack.stopService("ai-service");
        try {
            List<String> charged = chargedAt(AI_DOWN_STATION);
            assertTrue(charged.size() >= 4, "seed gives " + AI_DOWN_STATION + " more than 3 charged batteries");
            retireAllBut(charged, 3);
            List<Map<String, Object>> jobs = OpsPolling.until("a heuristic job to " + AI_DOWN_STATION,
                    Duration.ofSeconds(40), () -> liveJobsTo(AI_DOWN_STATION), list -> !list.isEmpty());
            assertEquals(1, jobs.size(), "one live job per shortage: " + jobs);
            JsonPath job = jobById((String) jobs.get(0).get("job_id"));
            assertEquals("rebalancing", job.getString("origin"));
            assertEquals("heuristic", job.getString("planned_by"), "ai-service is down: the SPEC heuristics decided");
            assertTrue(job.getString("reason").contains("heuristic"), "the stock order came from the heuristic too: "
                    + job.getString("reason"));
            assertTrue(job.getString("source.id").contains("-AMD-"), "an Ahmedabad source: " + job.getString("source.id"));
        } finally {
            stack.startService("ai-service");
        }
        admin().get("/ai/model-status").then().statusCode(200);
    }

    @Test
    @Order(5)
    void aTransporterCannotReadAnothersHistoryOrCredits() {
        Gateway.as(STRANGER, DemoUsers.TRANSPORTER_PASSWORD).get("/transport/history/" + CARRIER_ID)
                .then().statusCode(403).contentType(startsWith(PROBLEM)).body("detail", notNullValue());
        Gateway.as(STRANGER, DemoUsers.TRANSPORTER_PASSWORD).get("/credits/" + CARRIER_ID)
                .then().statusCode(403).contentType(startsWith(PROBLEM));
        carrier().get("/transport/history/" + CARRIER_ID).then().statusCode(200)
                .body("transporter_id", equalTo(CARRIER_ID));
        admin().get("/transport/history/" + CARRIER_ID).then().statusCode(200);
        Gateway.as(DemoUsers.rider(41), DemoUsers.RIDER_PASSWORD).get("/transport/jobs/available?latitude=22.5&longitude=88.3")
                .then().statusCode(403).contentType(startsWith(PROBLEM));
    }

    @Test
    @Order(6)
    void badInputIsA4xxProblem() {
        RequestSpecification stranger = Gateway.as(STRANGER, DemoUsers.TRANSPORTER_PASSWORD);
        stranger.queryParam("latitude", 200).queryParam("longitude", 88.3).get("/transport/jobs/available")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("latitude"));
        stranger.queryParam("latitude", 22.5).queryParam("longitude", 88.3).queryParam("radius_km", 5000)
                .get("/transport/jobs/available").then().statusCode(400).contentType(startsWith(PROBLEM));
        stranger.contentType(ContentType.JSON).body("{}").post("/transport/job/accept")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("job_id"));
        stranger.contentType(ContentType.JSON).body("{\"job_id\": ").post("/transport/job/accept")
                .then().statusCode(400).contentType(startsWith(PROBLEM));
        stranger.contentType(ContentType.JSON).body(Map.of("job_id", "JOB-DOES-NOT-EXIST")).post("/transport/job/accept")
                .then().statusCode(404).contentType(startsWith(PROBLEM)).body("type", endsWith("/job-not-found"));
        // The loop's job is delivered: another transporter can neither take it nor finish it.
        stranger.contentType(ContentType.JSON).body(Map.of("job_id", loopJobId)).post("/transport/job/accept")
                .then().statusCode(409).contentType(startsWith(PROBLEM));
        stranger.post("/transport/job/" + loopJobId + "/complete")
                .then().statusCode(403).contentType(startsWith(PROBLEM)).body("type", endsWith("/not-job-holder"));

        Map<String, Object> job = new LinkedHashMap<>(Map.of("source_type", "station", "source_id", "ST-KOL-001",
                "destination_type", "station", "destination_id", "ST-KOL-002", "battery_count", 2));
        Map<String, Object> garage = new LinkedHashMap<>(job);
        garage.put("source_type", "garage");
        admin().contentType(ContentType.JSON).body(garage).post("/transport/jobs")
                .then().statusCode(400).contentType(startsWith(PROBLEM));
        Map<String, Object> zero = new LinkedHashMap<>(job);
        zero.put("battery_count", 0);
        admin().contentType(ContentType.JSON).body(zero).post("/transport/jobs")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("battery_count"));
        Map<String, Object> loop = new LinkedHashMap<>(job);
        loop.put("destination_id", "ST-KOL-001");
        admin().contentType(ContentType.JSON).body(loop).post("/transport/jobs")
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("type", endsWith("/same-source-and-destination"));
        Map<String, Object> nowhere = new LinkedHashMap<>(job);
        nowhere.put("source_id", "ST-XXX-999");
        admin().contentType(ContentType.JSON).body(nowhere).post("/transport/jobs")
                .then().statusCode(404).contentType(startsWith(PROBLEM));
        admin().queryParam("status", "teleported").get("/transport/jobs")
                .then().statusCode(400).contentType(startsWith(PROBLEM));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static double credits(double distanceKm, int batteries) {
        return Math.round((CREDITS_BASE + distanceKm * batteries * CREDITS_RATE) * 100.0) / 100.0;
    }

    private static void assertNotBlank(String value) {
        assertTrue(value != null && !value.isBlank());
    }

    private static List<String> chargedAt(String stationId) {
        return admin().queryParam("station_id", stationId).queryParam("status", "charged").queryParam("limit", 500)
                .get("/batteries").then().statusCode(200).extract().jsonPath().getList("battery_id");
    }

    /** Admin retires charged batteries (one of the two ways the total may change) until {@code keep} remain. */
    private static void retireAllBut(List<String> charged, int keep) {
        for (String id : charged.subList(0, charged.size() - keep)) {
            admin().delete("/batteries/" + id).then().statusCode(204);
            OpsPolling.pause(Duration.ofMillis(200));
        }
    }

    private static List<Map<String, Object>> liveJobsTo(String stationId) {
        List<Map<String, Object>> jobs = admin().queryParam("size", 100).get("/transport/jobs")
                .then().statusCode(200).extract().jsonPath().getList("jobs");
        List<Map<String, Object>> live = new ArrayList<>();
        for (Map<String, Object> job : jobs) {
            @SuppressWarnings("unchecked")
            Map<String, Object> destination = (Map<String, Object>) job.get("destination");
            if (stationId.equals(destination.get("id")) && "rebalancing".equals(job.get("origin"))
                    && LIVE.contains((String) job.get("status"))) {
                live.add(job);
            }
        }
        return live;
    }

    private static JsonPath jobById(String id) {
        return admin().get("/transport/job/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Counts by status at a station, or a partner shop's stock by status. */
    private static Map<String, Integer> inventory(String type, String id) {
        if ("station".equals(type)) {
            Map<String, Integer> counts = admin().get("/station/" + id).then().statusCode(200).extract().jsonPath()
                    .getMap("inventory", String.class, Integer.class);
            return new HashMap<>(counts);
        }
        return new HashMap<>(admin().get("/partner-shops/" + id).then().statusCode(200).extract().jsonPath()
                .getMap("stock", String.class, Integer.class));
    }

    private static JsonPath credits(RequestSpecification as, String userId) {
        return as.queryParam("size", 100).get("/credits/" + userId).then().statusCode(200).extract().jsonPath();
    }

    /** Every battery of the network that is not retired (admin list, paged by id). */
    private static long networkTotal() {
        long total = 0;
        for (int offset = 0;; offset += 500) {
            int page = admin().queryParam("offset", offset).queryParam("limit", 500).get("/batteries")
                    .then().statusCode(200).extract().jsonPath().getList("$").size();
            total += page;
            if (page < 500) {
                return total;
            }
        }
    }

    private record Snapshot(Map<String, Object> jobs, Map<String, Object> ledgers, Map<String, Object> inventories,
            long networkTotal) {
    }

    private static Snapshot snapshot(List<String> riders) {
        Map<String, Object> jobs = new LinkedHashMap<>();
        jobs.put("total", admin().get("/transport/jobs?size=1").then().statusCode(200).extract().path("total"));
        // Every job but the seeded ones (the sweeper may legitimately release a seeded accepted job meanwhile).
        List<Map<String, Object>> page = admin().queryParam("size", 100).get("/transport/jobs")
                .then().statusCode(200).extract().jsonPath().getList("jobs");
        for (Map<String, Object> job : page) {
            String id = (String) job.get("job_id");
            if (!id.startsWith("JOB-SEED-")) {
                jobs.put(id, job.get("status") + "/" + job.get("battery_count") + "/" + job.get("transporter_id"));
            }
        }
        jobs.put("loop", jobById(loopJobId).getMap("$"));
        Map<String, Object> ledgers = new LinkedHashMap<>();
        List<String> users = new ArrayList<>(List.of(CARRIER_ID));
        users.addAll(riders);
        for (String user : users) {
            JsonPath ledger = credits(admin(), user);
            ledgers.put(user, ledger.getString("balance") + "/" + ledger.getString("entry_count"));
        }
        Map<String, Object> inventories = new LinkedHashMap<>();
        for (String station : List.of("ST-KOL-001", "ST-KOL-002", "ST-AMD-001", "ST-AMD-002")) {
            inventories.put(station, inventory("station", station));
        }
        inventories.put("PS-KOL-001", inventory("partner_shop", "PS-KOL-001"));
        return new Snapshot(jobs, ledgers, inventories, networkTotal());
    }
}
