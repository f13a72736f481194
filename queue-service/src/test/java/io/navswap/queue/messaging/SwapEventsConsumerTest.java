package io.navswap.queue.messaging;

import static io.navswap.queue.support.QueueApi.confirmed;
import static io.navswap.queue.support.QueueApi.reservation;
import static io.navswap.queue.support.QueueApi.verify;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.domain.ReservationStatus;
import io.navswap.queue.repository.ReservationRepository;
import io.navswap.queue.repository.StationSlotRepository;
import io.navswap.queue.support.EventTap;
import io.navswap.queue.support.Tokens;
import io.navswap.shared.events.EventEnvelope;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.Subjects;
import io.navswap.shared.events.SwapCompleted;
import io.navswap.shared.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SwapEventsConsumerTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    ReservationRepository reservations;

    @Inject
    StationSlotRepository slots;

    @Test
    void swapCompletedDeliveredTwiceCompletesTheReservationOnce() throws Exception {
        String station = "ST-T-SWAPEV-" + Tokens.unique();
        String rider = "usr-t-" + Tokens.unique();
        String queueId = confirmed(rider, station).getString("queue_id");
        String token = reservationToken(rider, station, queueId);
        confirmed("usr-t-" + Tokens.unique(), station);
        String swapId = verify(Tokens.admin("usr-a-001"), token, station).then().statusCode(200)
                .extract().jsonPath().getString("swap_id");
        assertThat(slots.active(station).await().indefinitely(), equalTo(2));

        // Noise the consumer must skip, then the same event twice, then a different event for the same swap.
        EventTap.publish(Topics.SWAPS, Subjects.station(station),
                envelope("inventory.noticed", station, JSON.createObjectNode().put("reservation_id", queueId)));
        String completed = envelope(EventTypes.SWAP_COMPLETED, station, JSON.valueToTree(new SwapCompleted(swapId,
                queueId, rider, station, "usr-a-001", "BAT-OLD", "BAT-NEW", 81.0, false, false, 170, 10, Instant.now())));
        EventTap.publish(Topics.SWAPS, Subjects.station(station), completed);
        EventTap.publish(Topics.SWAPS, Subjects.station(station), completed);

        Reservation done = awaitStatus(queueId, ReservationStatus.COMPLETED);
        assertThat(done.activeUser, equalTo(null));
        EventTap.publish(Topics.SWAPS, Subjects.station(station), envelope(EventTypes.SWAP_COMPLETED, station,
                JSON.valueToTree(new SwapCompleted(swapId, queueId, rider, station, "usr-a-001", "BAT-OLD", "BAT-NEW",
                        81.0, false, false, 170, 10, Instant.now()))));
        EventTap.sleep(2_000);

        assertThat(reservations.byId(queueId).await().indefinitely().version, equalTo(done.version));
        assertThat(slots.active(station).await().indefinitely(), equalTo(1));
        assertThat(EventTap.read(Topics.SWAPS, EventTap.about("reservation.completed", "reservation_id", queueId)),
                hasSize(1));
        reservation(Tokens.consumer(rider), queueId).then().statusCode(200)
                .body("status", equalTo("completed")).body("end_reason", equalTo("swap_completed"));
        // The rider may reserve again.
        confirmed(rider, station);
    }

    private String reservationToken(String rider, String station, String queueId) {
        return io.restassured.RestAssured.given().header("Authorization", Tokens.consumer(rider))
                .post("/queue/" + queueId + "/qr").then().statusCode(200).extract().jsonPath().getString("qr_token");
    }

    private Reservation awaitStatus(String queueId, ReservationStatus status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Reservation current = reservations.byId(queueId).await().indefinitely();
        while (current.status != status && Instant.now().isBefore(deadline)) {
            EventTap.sleep(200);
            current = reservations.byId(queueId).await().indefinitely();
        }
        assertThat(current.status, equalTo(status));
        return current;
    }

    private static String envelope(String type, String station, com.fasterxml.jackson.databind.JsonNode data)
            throws Exception {
        return JSON.writeValueAsString(EventEnvelope.of(type, "swap-service", Subjects.station(station), data));
    }
}
