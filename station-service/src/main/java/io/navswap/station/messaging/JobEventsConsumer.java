package io.navswap.station.messaging;

import io.navswap.messaging.EventReader;
import io.navswap.messaging.ProcessedEvents;
import io.navswap.shared.events.EventEnvelope;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.TransportJobChanged;
import io.navswap.station.service.TransportMoves;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * navswap.jobs: {@code job.picked_up} and {@code job.delivered} move the job's batteries. Everything else on the
 * topic (including this service's own {@code inventory.changed}) is skipped.
 */
@ApplicationScoped
public class JobEventsConsumer {
    static final String CONSUMER = "station-transport-moves";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final TransportMoves moves;

    JobEventsConsumer(EventReader reader, ProcessedEvents processed, TransportMoves moves) {
        this.reader = reader;
        this.processed = processed;
        this.moves = moves;
    }

    @Incoming("jobs-in")
    public Uni<Void> consume(String payload) {
        EventEnvelope envelope = reader.envelope(payload);
        return switch (envelope.type()) {
            case EventTypes.JOB_PICKED_UP -> {
                TransportJobChanged job = reader.data(envelope, TransportJobChanged.class);
                yield processed.once(CONSUMER, envelope.eventId(), () -> moves.pickedUp(job)).replaceWithVoid();
            }
            case EventTypes.JOB_DELIVERED -> {
                TransportJobChanged job = reader.data(envelope, TransportJobChanged.class);
                yield processed.once(CONSUMER, envelope.eventId(), () -> moves.delivered(job)).replaceWithVoid();
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
