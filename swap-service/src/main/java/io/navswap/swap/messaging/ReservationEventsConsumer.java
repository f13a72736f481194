package io.navswap.swap.messaging;

import io.navswap.messaging.EventReader;
import io.navswap.messaging.ProcessedEvents;
import io.navswap.shared.events.EventEnvelope;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.ReservationChanged;
import io.navswap.swap.service.SwapService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reservation lifecycle events from {@code navswap.swaps}. {@code reservation.started} creates the swap when the
 * verifying call never arrived; {@code reservation.failed} / {@code reservation.cancelled} fail a swap still
 * started. Other types (including our own {@code swap.completed}) are skipped. A start is idempotent by itself
 * (the swap id is the key); the failures are applied once per event id, and their update is conditional as well,
 * so a replay changes nothing. A transient failure (MongoDB briefly away) is retried a few times; an unreadable
 * event fails at once and lands in the dead-letter topic.
 */
@ApplicationScoped
public class ReservationEventsConsumer {
    static final String CONSUMER = "swap-service.reservations";
    private static final int RETRIES = 3;
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(200);

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final SwapService swaps;

    ReservationEventsConsumer(EventReader reader, ProcessedEvents processed, SwapService swaps) {
        this.reader = reader;
        this.processed = processed;
        this.swaps = swaps;
    }

    @Incoming("swaps-in")
    public Uni<Void> consume(String json) {
        EventEnvelope envelope = reader.envelope(json);
        return apply(envelope)
                .onFailure(failure -> !(failure instanceof IllegalArgumentException))
                .retry().withBackOff(RETRY_BACKOFF).atMost(RETRIES);
    }

    private Uni<Void> apply(EventEnvelope envelope) {
        return switch (envelope.type()) {
            case EventTypes.RESERVATION_STARTED ->
                swaps.startFromEvent(reader.data(envelope, ReservationChanged.class), envelope.occurredAt());
            case EventTypes.RESERVATION_FAILED, EventTypes.RESERVATION_CANCELLED -> processed.once(CONSUMER,
                    envelope.eventId(),
                    () -> swaps.failFromEvent(reader.data(envelope, ReservationChanged.class), envelope.occurredAt()))
                    .replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        };
    }
}
