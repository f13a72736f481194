package io.navswap.queue.rest;

import static io.navswap.queue.support.QueueApi.cancel;
import static io.navswap.queue.support.QueueApi.confirm;
import static io.navswap.queue.support.QueueApi.confirmed;
import static io.navswap.queue.support.QueueApi.reservation;
import static io.navswap.queue.support.QueueApi.status;
import static io.navswap.queue.support.QueueApi.verify;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.navswap.queue.repository.StationSlotRepository;
import io.navswap.queue.service.ReservationSweeper;
import io.navswap.queue.support.EventTap;
import io.navswap.queue.support.PeerStandIns;
import io.navswap.queue.support.Peers;
import io.navswap.queue.support.Tokens;
import io.navswap.shared.events.Topics;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QueueResourceTest {
    private static final String PROBLEM = "https://navswap.io/problems/";

    @TestHTTPResource("/")
    URL base;

    @Inject
    StationSlotRepository slots;

    @Inject
    ReservationSweeper sweeper;

    @Inject
    RedisDataSource redis;

    @Test
    void confirmAnswersPositionWaitAndQrToken() {
        String user = "usr-t-" + Tokens.unique();
        String station = "ST-T-HAPPY-" + Tokens.unique();
        JsonPath answer = confirm(Tokens.withName(user, "consumer", "Aarav Sharma"), station, 90.0)
                .then().statusCode(201)
                .header("Location", containsString("/queue/rsv-"))
                .body("queue_id", startsWith("rsv-"))
                .body("queue_position", equalTo(1))
                .body("estimated_wait_minutes", equalTo((int) PeerStandIns.PREDICTED_MINUTES))
                .body("wait_source", equalTo("ai-onnx"))
                .body("qr_token", matchesPattern("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"))
                .body("station_id", equalTo(station))
                .body("station_name", equalTo("Stand-in " + station))
                .body("station_location.latitude", equalTo((float) PeerStandIns.STATION_LATITUDE))
                .body("station_location.longitude", equalTo((float) PeerStandIns.STATION_LONGITUDE))
                .body("status", equalTo("confirmed"))
                .extract().jsonPath();
        Instant expiry = Instant.parse(answer.getString("qr_expiry"));
        Duration left = Duration.between(Instant.now(), expiry);
        assertTrue(left.compareTo(Duration.ofMinutes(14)) > 0 && left.compareTo(Duration.ofMinutes(15)) <= 0, "qr_expiry " + expiry);
        String queueId = answer.getString("queue_id");

        reservation(Tokens.consumer(user), queueId).then().statusCode(200)
                .body("user_name", equalTo("Aarav Sharma"))
                .body("queue_position", equalTo(1))
                .body("battery_soh_min", equalTo(90.0f));
        reservation(Tokens.staff("usr-s-any"), queueId).then().statusCode(200);
        reservation(Tokens.consumer("usr-t-stranger"), queueId).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", Tokens.consumer(user)).get("/queue/active").then().statusCode(200)
                .body("queue_id", equalTo(queueId));

        List<JsonNode> events = EventTap.await(Topics.SWAPS,
                EventTap.about("reservation.confirmed", "reservation_id", queueId), 1, Duration.ofSeconds(15));
        assertThat(events, hasSize(1));
        assertThat(events.get(0).path("subject").asText(), equalTo("station:" + station));
        assertThat(events.get(0).path("data").path("status").asText(), equalTo("confirmed"));
    }

    @Test
    void confirmRefusesSecondActiveReservation() {
        String user = "usr-t-" + Tokens.unique();
        String first = confirmed(user, "ST-T-ONE-" + Tokens.unique()).getString("queue_id");
        confirm(user, "ST-T-TWO-" + Tokens.unique()).then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "active-reservation-exists"))
                .body("detail", containsString(first));
    }

    @Test
    void confirmNeverExceedsStationCapacityUnderConcurrency() throws Exception {
        String station = "ST-T-CROWD-" + Tokens.unique();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 30)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(base + "queue/confirm"))
                        .header("Authorization", Tokens.consumer("usr-crowd-" + i + "-" + station))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"station_id\":\"" + station + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

        assertThat(answers.stream().filter(r -> r.statusCode() == 201).toList(), hasSize(20));
        List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() != 201).toList();
        assertThat(refused, hasSize(10));
        assertThat(refused.stream().map(HttpResponse::statusCode).toList(), everyItem(is(409)));
        assertThat(refused.stream().map(HttpResponse::body).toList(), everyItem(containsString("station-full")));
        assertThat(slots.active(station).await().indefinitely(), equalTo(20));
        status(Tokens.staff("usr-s-crowd"), station).then().statusCode(200)
                .body("total", equalTo(20))
                .body("entries", hasSize(20))
                .body("entries.position", hasItems(1, 20));
        given().header("Authorization", Tokens.consumer("usr-t-" + Tokens.unique()))
                .get("/queue/available-slots/" + station).then().statusCode(200)
                .body("available", equalTo(0)).body("slots", hasSize(0));
    }

    @Test
    void confirmExplainsStationProblems() {
        confirm("usr-t-" + Tokens.unique(), "ST-MISSING-" + Tokens.unique()).then().statusCode(404)
                .body("type", equalTo(PROBLEM + "station-not-found"));
        confirm("usr-t-" + Tokens.unique(), "ST-INACTIVE-" + Tokens.unique()).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "station-inactive"));
        confirm("usr-t-" + Tokens.unique(), "ST-NOBATT-" + Tokens.unique()).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "no-suitable-battery"));
        String lowSoh = "ST-LOWSOH-" + Tokens.unique();
        confirm(Tokens.consumer("usr-t-" + Tokens.unique()), lowSoh, 85.0).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "no-suitable-battery"));
        confirm(Tokens.consumer("usr-t-" + Tokens.unique()), lowSoh, 75.0).then().statusCode(201);
        confirm("usr-t-" + Tokens.unique(), "ST-DOWN-" + Tokens.unique()).then().statusCode(503)
                .body("type", equalTo(PROBLEM + "station-service-unavailable"));
    }

    @Test
    void confirmIsNotHeldUpBySlowArrivalModel() {
        String station = "ST-SLOWAI-" + Tokens.unique();
        long started = System.nanoTime();
        confirm("usr-t-" + Tokens.unique(), station).then().statusCode(201)
                .body("queue_position", equalTo(1))
                .body("estimated_wait_minutes", equalTo(5))
                .body("wait_source", equalTo("queue-heuristic"));
        assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis(), lessThan(1500L));
    }

    @Test
    void confirmAsksTheArrivalModelInItsOwnShapeAndSaysWhoAnswered() {
        String station = "ST-T-ARR-" + Tokens.unique();
        String first = "usr-t-" + Tokens.unique();
        confirm(first, station).then().statusCode(201).body("wait_source", equalTo("ai-onnx"));
        JsonPath sent = Peers.lastArrivalRequest(station);
        assertEquals("Delhi", sent.getString("city"), "the station's city from station-service");
        assertEquals(0, sent.getInt("queue_length"));
        assertEquals(0.0f, sent.getFloat("recent_arrivals_per_hour"));
        assertEquals(0, sent.getInt("approaching_reservations"));
        assertTrue(sent.getInt("hour") >= 0 && sent.getInt("day_of_week") >= 1);
        // The pace is cached per station: the next rider gets position 2 at the model's minutes, no second call.
        confirm("usr-t-" + Tokens.unique(), station).then().statusCode(201)
                .body("queue_position", equalTo(2))
                .body("estimated_wait_minutes", equalTo(2 * (int) PeerStandIns.PREDICTED_MINUTES))
                .body("wait_source", equalTo("ai-onnx"));

        String fallback = "ST-T-AIFALLBACK-" + Tokens.unique();
        confirm("usr-t-" + Tokens.unique(), fallback).then().statusCode(201)
                .body("estimated_wait_minutes", equalTo(5))
                .body("wait_source", equalTo("ai-fallback"));
    }

    @Test
    void confirmClampsTheArrivalModelsPaceToOneToFifteenMinutesPerPosition() {
        // A quiet hour's 45 minutes to the next customer must not announce a 45-minute wait per rider ahead.
        String quiet = "ST-T-QUIETAI-" + Tokens.unique();
        confirm("usr-t-" + Tokens.unique(), quiet).then().statusCode(201)
                .body("queue_position", equalTo(1))
                .body("estimated_wait_minutes", equalTo(15))
                .body("wait_source", equalTo("ai-onnx"));
        confirm("usr-t-" + Tokens.unique(), quiet).then().statusCode(201)
                .body("queue_position", equalTo(2))
                .body("estimated_wait_minutes", equalTo(30));
        // A rush's 0.2 minutes is raised to the 1-minute floor.
        String rush = "ST-T-RUSHAI-" + Tokens.unique();
        confirm("usr-t-" + Tokens.unique(), rush).then().statusCode(201);
        confirm("usr-t-" + Tokens.unique(), rush).then().statusCode(201)
                .body("queue_position", equalTo(2))
                .body("estimated_wait_minutes", equalTo(2))
                .body("wait_source", equalTo("ai-onnx"));
    }

    @Test
    void confirmValidatesItsBody() {
        given().header("Authorization", Tokens.consumer("usr-t-bad")).contentType(ContentType.JSON)
                .body(Map.of("station_id", "bad id!", "battery_soh_min", 150,
                        "current_location", Map.of("latitude", 100, "longitude", 10)))
                .post("/queue/confirm").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM + "validation-failed"))
                .body("errors.field", hasItems("station_id", "battery_soh_min", "current_location.latitude"));
        given().header("Authorization", Tokens.consumer("usr-t-bad")).contentType(ContentType.JSON)
                .body("{\"station_id\": ").post("/queue/confirm").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "malformed-json"));
        given().header("Authorization", Tokens.staff("usr-s-bad")).contentType(ContentType.JSON)
                .body(Map.of("station_id", "ST-T-X")).post("/queue/confirm").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("station_id", "ST-T-X"))
                .post("/queue/confirm").then().statusCode(401);
    }

    @Test
    void onlyOwnerOrAdminMayCancel() {
        String owner = "usr-t-" + Tokens.unique();
        String station = "ST-T-CANCEL-" + Tokens.unique();
        String queueId = confirmed(owner, station).getString("queue_id");

        cancel(Tokens.consumer("usr-t-other"), queueId).then().statusCode(403)
                .body("type", equalTo(PROBLEM + "forbidden"));
        cancel(Tokens.staff("usr-s-any"), queueId).then().statusCode(403);
        cancel(Tokens.consumer(owner), "rsv-doesnotexist").then().statusCode(404)
                .body("type", equalTo(PROBLEM + "reservation-not-found"));
        cancel(Tokens.consumer(owner), queueId).then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("queue_position", nullValue())
                .body("end_reason", equalTo("cancelled_by_user"));
        cancel(Tokens.consumer(owner), queueId).then().statusCode(200).body("status", equalTo("cancelled"));
        assertThat(slots.active(station).await().indefinitely(), equalTo(0));

        // The slot and the user's single active reservation are free again.
        String second = confirmed(owner, station).getString("queue_id");
        cancel(Tokens.admin("usr-a-001"), second).then().statusCode(200).body("end_reason", equalTo("cancelled_by_admin"));
        assertThat(EventTap.await(Topics.SWAPS, EventTap.about("reservation.cancelled", "reservation_id", queueId), 1,
                Duration.ofSeconds(15)), hasSize(1));
    }

    @Test
    void positionsMoveUpWhenSomeoneAheadLeaves() {
        String station = "ST-T-MOVE-" + Tokens.unique();
        String first = "usr-t-" + Tokens.unique();
        String second = "usr-t-" + Tokens.unique();
        String third = "usr-t-" + Tokens.unique();
        String firstId = confirmed(first, station).getString("queue_id");
        confirmed(second, station);
        JsonPath mine = confirmed(third, station);
        assertThat(mine.getInt("queue_position"), equalTo(3));
        assertThat(mine.getInt("estimated_wait_minutes"), equalTo(12));

        status(Tokens.consumer(third), station).then().statusCode(200)
                .body("your_position", equalTo(3)).body("total", equalTo(3))
                .body("your_queue_id", equalTo(mine.getString("queue_id")))
                .body("entries", nullValue());

        cancel(Tokens.consumer(first), firstId).then().statusCode(200);

        status(Tokens.consumer(third), station).then().statusCode(200)
                .body("your_position", equalTo(2)).body("total", equalTo(2))
                .body("estimated_wait_minutes", equalTo(8));
        reservation(Tokens.consumer(third), mine.getString("queue_id")).then().statusCode(200)
                .body("queue_position", equalTo(2));
        status(Tokens.consumer("usr-t-outsider"), station).then().statusCode(200)
                .body("total", equalTo(2)).body("your_position", nullValue()).body("entries", nullValue());
        status(Tokens.admin("usr-a-001"), station).then().statusCode(200)
                .body("entries.user_id", equalTo(List.of(second, third)))
                .body("entries[0].user_name", equalTo("Rider " + second));
    }

    @Test
    void availableSlotsListsTheNextFive() {
        String station = "ST-T-SLOTS-" + Tokens.unique();
        confirmed("usr-t-" + Tokens.unique(), station);
        confirmed("usr-t-" + Tokens.unique(), station);
        given().header("Authorization", Tokens.consumer("usr-t-" + Tokens.unique()))
                .get("/queue/available-slots/" + station).then().statusCode(200)
                .body("capacity", equalTo(20))
                .body("active", equalTo(2))
                .body("available", equalTo(18))
                .body("slots", hasSize(5))
                .body("slots.position", equalTo(List.of(3, 4, 5, 6, 7)))
                .body("slots[0].estimated_wait_minutes", equalTo(12))
                .body("slots[0].estimated_time", notNullValue());
        given().header("Authorization", Tokens.consumer("usr-t-x")).get("/queue/available-slots/bad id")
                .then().statusCode(400);
    }

    @Test
    void sweeperExpiresReservationsNeverHonoured() {
        String user = "usr-t-" + Tokens.unique();
        String station = "ST-T-EXPIRE-" + Tokens.unique();
        String queueId = confirmed(user, station).getString("queue_id");

        assertThat(sweeper.expireOverdue(Instant.now()).await().indefinitely(), equalTo(0));
        reservation(Tokens.consumer(user), queueId).then().body("status", equalTo("confirmed"));

        // confirmed_at + wait (4 min) + hold (30 min) has passed an hour from now.
        assertThat(sweeper.expireOverdue(Instant.now().plus(Duration.ofHours(1))).await().indefinitely(),
                greaterThanOrEqualTo(1));
        reservation(Tokens.consumer(user), queueId).then().statusCode(200)
                .body("status", equalTo("expired")).body("end_reason", equalTo("not_honoured_in_time"));
        assertThat(slots.active(station).await().indefinitely(), equalTo(0));
        assertThat(EventTap.await(Topics.SWAPS, EventTap.about("reservation.expired", "reservation_id", queueId), 1,
                Duration.ofSeconds(15)), hasSize(1));
        confirm(user, station).then().statusCode(201);
    }

    @Test
    void flushedRedisKeepsQueueRightAndQrSingleUse() {
        String station = "ST-T-FLUSH-" + Tokens.unique();
        String first = "usr-t-" + Tokens.unique();
        String second = "usr-t-" + Tokens.unique();
        JsonPath firstAnswer = confirmed(first, station);
        String secondId = confirmed(second, station).getString("queue_id");

        redis.flushall();

        status(Tokens.consumer(second), station).then().statusCode(200)
                .body("your_position", equalTo(2)).body("total", equalTo(2));
        status(Tokens.staff("usr-s-flush"), station).then().statusCode(200).body("entries", hasSize(2));

        String admin = Tokens.admin("usr-a-002");
        verify(admin, firstAnswer.getString("qr_token"), station).then().statusCode(200).body("valid", equalTo(true));

        redis.flushall();

        verify(admin, firstAnswer.getString("qr_token"), station).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "qr-already-used"));
        reservation(Tokens.consumer(second), secondId).then().statusCode(200)
                .body("status", equalTo("confirmed")).body("queue_position", equalTo(2));
        reservation(Tokens.consumer(first), firstAnswer.getString("queue_id")).then().statusCode(200)
                .body("status", equalTo("in_progress"));
    }

    @Test
    void confirmRightAfterFlushCountsThoseAlreadyWaiting() {
        String station = "ST-T-REFLUSH-" + Tokens.unique();
        confirmed("usr-t-" + Tokens.unique(), station);
        confirmed("usr-t-" + Tokens.unique(), station);

        redis.flushall();

        assertThat(confirmed("usr-t-" + Tokens.unique(), station).getInt("queue_position"), equalTo(3));
        String fourth = "usr-t-" + Tokens.unique();
        confirmed(fourth, station);
        status(Tokens.consumer(fourth), station).then().statusCode(200)
                .body("your_position", equalTo(4)).body("total", equalTo(4));
    }

    @Test
    void operationsEndpointsAreServed() {
        confirmed("usr-t-" + Tokens.unique(), "ST-T-OPS-" + Tokens.unique());
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/queue/confirm"))
                .body("paths", org.hamcrest.Matchers.hasKey("/qr/verify"))
                .body("paths", org.hamcrest.Matchers.hasKey("/location/update"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("navswap_queue_confirm_total{outcome=\"ok\"}"));
    }
}
