package io.navswap.queue.messaging;

import io.navswap.messaging.EventReader;
import io.navswap.messaging.ProcessedEvents;
import io.navswap.queue.service.ReservationService;
import io.navswap.shared.events.EventEnvelope;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.SwapCompleted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * navswap.swaps → {@code swap.completed} completes the reservation that started the swap and frees its
 * slot. Applied once per event id, and the update itself is conditional ({@code in_progress} with the same
 * swap id), so redeliveries and duplicate events change nothing. Other types on the topic (including our
 * own {@code reservation.*}) are skipped; an unreadable record goes to the dead-letter topic.
 */
@ApplicationScoped
public class SwapEventsConsumer {
    static final String CONSUMER = "queue-service.swap-completed";
    private static final Logger LOG = Logger.getLogger(SwapEventsConsumer.class);

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final ReservationService reservations;

    SwapEventsConsumer(EventReader reader, ProcessedEvents processed, ReservationService reservations) {
        this.reader = reader;
        this.processed = processed;
        this.reservations = reservations;
    }

    @Incoming("swaps-in")
    public Uni<Void> consume(String value) {
        EventEnvelope envelope = reader.envelope(value);
        if (!EventTypes.SWAP_COMPLETED.equals(envelope.type())) {
            return Uni.createFrom().voidItem();
        }
        SwapCompleted swap = reader.data(envelope, SwapCompleted.class);
        return processed.once(CONSUMER, envelope.eventId(), () -> reservations.completeFromSwap(swap))
                .invoke(applied -> LOG.debugf("swap.completed %s for reservation %s: %s", envelope.eventId(),
                        swap.reservationId(), applied ? "applied" : "already applied"))
                .replaceWithVoid();
    }
}
