package io.navswap.swap.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.navswap.embedded.TestTokens;
import io.navswap.shared.events.EventTypes;
import io.navswap.swap.domain.Swap;
import io.navswap.swap.repository.SwapRepository;
import io.navswap.swap.support.StandInServices;
import io.navswap.swap.support.SwapEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReservationEventsConsumerTest {
    private static final String ADMIN = TestTokens.bearer("usr-a-002", "admin");

    @Inject
    SwapRepository swaps;

    /** Waits until the consumer has applied what the test published. */
    private Response awaitSwap(String swapId, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Response response = given().header("Authorization", ADMIN).when().get("/swap/{id}", swapId);
            if (response.statusCode() == 200 && status.equals(response.jsonPath().getString("status"))) {
                return response;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Swap " + swapId + " never became " + status + ": " + response.asString());
            }
            Thread.sleep(100);
        }
    }

    /** Publishes a marker event after {@code swapId}'s events and waits for it: everything before it was consumed. */
    private void drain(String stationId) throws InterruptedException {
        String marker = "SWP-MARK-" + System.nanoTime();
        SwapEvents.publish(SwapEvents.reservationEvent(EventTypes.RESERVATION_STARTED, "RES-" + marker, "usr-c-mark",
                stationId, "in_progress", marker, "usr-s-mark", null));
        awaitSwap(marker, "started");
    }

    @Test
    void reservationStartedCreatesTheSwapWhenTheCallWasLost() throws Exception {
        SwapEvents.publish(SwapEvents.reservationEvent(EventTypes.RESERVATION_STARTED, "RES-EVT-1", "usr-c-evt1",
                "ST-E-001", "in_progress", "SWP-EVT-1", "usr-s-evt", 85.0));

        awaitSwap("SWP-EVT-1", "started").then().body("reservation_id", equalTo("RES-EVT-1"))
                .body("user_id", equalTo("usr-c-evt1")).body("station_id", equalTo("ST-E-001"))
                .body("staff_id", equalTo("usr-s-evt")).body("battery_soh_min", equalTo(85.0f))
                .body("version", equalTo(0));

        // The verifying call arrives late: same swap, now with the rider's name.
        StandInServices.get().onDuty("ST-E-001", "usr-s-evt");
        given().header("Authorization", TestTokens.bearer("usr-s-evt", "staff")).contentType(ContentType.JSON)
                .body(Map.of("reservation_id", "RES-EVT-1", "user_id", "usr-c-evt1", "user_name", "Evt Rider",
                        "station_id", "ST-E-001", "staff_id", "usr-s-evt", "battery_soh_min", 85.0))
                .when().put("/swap/SWP-EVT-1/start")
                .then().statusCode(200).body("user_name", equalTo("Evt Rider")).body("version", equalTo(1));
    }

    @Test
    void theSameEventTwiceMakesOneSwap() throws Exception {
        ObjectNode event = SwapEvents.reservationEvent(EventTypes.RESERVATION_STARTED, "RES-EVT-2", "usr-c-evt2",
                "ST-E-002", "in_progress", "SWP-EVT-2", "usr-s-evt", null);
        SwapEvents.publish(event);
        SwapEvents.publish(event);
        // A redelivery under a new event id (a producer retry) is absorbed by the conditional insert.
        ObjectNode copy = event.deepCopy();
        copy.put("event_id", java.util.UUID.randomUUID().toString());
        SwapEvents.publish(copy);
        drain("ST-E-002");

        assertEquals(1L, swaps.count("reservationId", "RES-EVT-2").await().indefinitely());
        Swap swap = swaps.findById("SWP-EVT-2").await().indefinitely();
        assertNotNull(swap);
        assertEquals(0L, swap.version, "created once, never rewritten");
    }

    @Test
    void aFailedReservationFailsItsStartedSwap() throws Exception {
        SwapEvents.publish(SwapEvents.reservationEvent(EventTypes.RESERVATION_STARTED, "RES-EVT-3", "usr-c-evt3",
                "ST-E-003", "in_progress", "SWP-EVT-3", "usr-s-evt3", null));
        awaitSwap("SWP-EVT-3", "started");
        SwapEvents.publish(SwapEvents.reservationEvent(EventTypes.RESERVATION_FAILED, "RES-EVT-3", "usr-c-evt3",
                "ST-E-003", "failed", "SWP-EVT-3", "usr-s-evt3", null));

        awaitSwap("SWP-EVT-3", "failed").then().body("failure_reason", equalTo("reservation failed"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("swap_id", "SWP-EVT-3", "old_battery_id", "BAT-O-E3", "new_battery_id", "BAT-N-E3",
                        "faulty", false, "swap_duration_seconds", 100))
                .when().post("/swap/complete").then().statusCode(409)
                .body("type", equalTo("https://navswap.io/problems/swap-failed"));
        assertEquals(0, StandInServices.get().exchangeCalls("SWP-EVT-3").size());
    }

    @Test
    void eventsOfOtherTypesAndUnreadableEventsDoNotStopTheConsumer() throws Exception {
        SwapEvents.publish(SwapEvents.reservationEvent(EventTypes.RESERVATION_CONFIRMED, "RES-EVT-4", "usr-c-evt4",
                "ST-E-004", "confirmed", null, null, null));
        ObjectNode broken = SwapEvents.reservationEvent(EventTypes.RESERVATION_STARTED, "RES-EVT-5", "usr-c-evt5",
                "ST-E-004", "in_progress", "SWP-EVT-5", "usr-s-evt", null);
        broken.put("data", "not an object");
        SwapEvents.publish(broken);

        drain("ST-E-004");
        given().header("Authorization", ADMIN).when().get("/swap/SWP-EVT-5").then().statusCode(404);
        String brokenId = broken.path("event_id").asText();
        assertEquals(1, SwapEvents.read("navswap.dlq.swap-service",
                envelope -> brokenId.equals(envelope.path("event_id").asText()), Duration.ofSeconds(3)).size(),
                "the unreadable event is parked in the dead-letter topic");
    }
}
