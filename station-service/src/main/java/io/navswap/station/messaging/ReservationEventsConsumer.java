package io.navswap.station.messaging;

import io.navswap.messaging.EventReader;
import io.navswap.messaging.ProcessedEvents;
import io.navswap.shared.events.EventEnvelope;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.ReservationChanged;
import io.navswap.shared.events.SwapCompleted;
import io.navswap.station.repository.StationQueueRepository;
import io.navswap.station.service.QueueLengths;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the queue read model from navswap.swaps: a reservation enters its station's set when it is confirmed and
 * leaves it when it ends. Deduplicated by event id, and each apply is an idempotent {@code $addToSet}/{@code $pull};
 * events of one station share a partition (key {@code station:<id>}), so they apply in order. The steps in between
 * (approaching, arrived, started) change nothing here: the reservation is in the set since its confirmation, which
 * every reservation is created with and which comes first in the partition. Skipping them saves four database
 * operations per event on every rider's way in.
 */
@ApplicationScoped
public class ReservationEventsConsumer {
    private static final Logger LOG = Logger.getLogger(ReservationEventsConsumer.class);
    static final String CONSUMER = "station-queue-read-model";
    private static final String CONFIRMED = "confirmed";
    private static final Set<String> IN_BETWEEN = Set.of("approaching", "arrived", "in_progress", "started");
    private static final Set<String> ENDED = Set.of("completed", "cancelled", "expired", "failed");

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final StationQueueRepository queues;
    private final QueueLengths lengths;

    ReservationEventsConsumer(EventReader reader, ProcessedEvents processed, StationQueueRepository queues,
            QueueLengths lengths) {
        this.reader = reader;
        this.processed = processed;
        this.queues = queues;
        this.lengths = lengths;
    }

    @Incoming("swaps-in")
    public Uni<Void> consume(String payload) {
        EventEnvelope envelope = reader.envelope(payload);
        if (envelope.type().startsWith("reservation.")) {
            if (IN_BETWEEN.contains(envelope.type().substring("reservation.".length()))) {
                return Uni.createFrom().voidItem();
            }
            ReservationChanged data = reader.data(envelope, ReservationChanged.class);
            return processed.once(CONSUMER, envelope.eventId(), () -> apply(envelope.type(), data)).replaceWithVoid();
        }
        if (EventTypes.SWAP_COMPLETED.equals(envelope.type())) {
            // The reservation leaves the queue at once; reservation.completed from queue-service follows.
            SwapCompleted data = reader.data(envelope, SwapCompleted.class);
            if (data.stationId() == null || data.reservationId() == null) {
                return Uni.createFrom().voidItem();
            }
            return processed.once(CONSUMER, envelope.eventId(),
                    () -> queues.remove(data.stationId(), data.reservationId())
                            .invoke(n -> lengths.update(data.stationId(), n))).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<?> apply(String type, ReservationChanged data) {
        if (data.stationId() == null || data.reservationId() == null) {
            LOG.warnf("Reservation event without station or reservation id skipped: %s", type);
            return Uni.createFrom().voidItem();
        }
        String state = type.substring("reservation.".length());
        if (!CONFIRMED.equals(state) && !ENDED.contains(state) && data.status() != null) {
            state = data.status().toLowerCase(Locale.ROOT);
        }
        if (ENDED.contains(state)) {
            return queues.remove(data.stationId(), data.reservationId()).invoke(n -> lengths.update(data.stationId(), n));
        }
        if (CONFIRMED.equals(state)) {
            return queues.add(data.stationId(), data.reservationId()).invoke(n -> lengths.update(data.stationId(), n));
        }
        LOG.debugf("Reservation event of unknown state %s skipped", type);
        return Uni.createFrom().voidItem();
    }
}
