package io.navswap.queue.service;

import io.navswap.messaging.OutboxEntry;
import io.navswap.messaging.OutboxEvents;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.domain.ReservationStatus;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.GeofenceCrossed;
import io.navswap.shared.events.LocationUpdated;
import io.navswap.shared.events.ReservationChanged;
import io.navswap.shared.events.Subjects;
import io.navswap.shared.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The events queue-service emits, as outbox entries ready to ride in the write that causes them. */
@ApplicationScoped
public class ReservationEvents {
    private final OutboxEvents outbox;

    ReservationEvents(OutboxEvents outbox) {
        this.outbox = outbox;
    }

    /** {@code reservation.<verb>} on navswap.swaps, keyed by station so one station's queue stays in order. */
    public OutboxEntry changed(Reservation reservation, ReservationStatus previous, ReservationStatus next,
            String swapId, String staffId, Instant at) {
        return outbox.entry(Topics.SWAPS, next.eventType(), Subjects.station(reservation.stationId),
                new ReservationChanged(reservation.id, reservation.userId, reservation.stationId, next.wire(),
                        previous == null ? null : previous.wire(), reservation.batterySohMin,
                        swapId != null ? swapId : reservation.swapId, staffId != null ? staffId : reservation.staffId,
                        at));
    }

    /** {@code geofence.crossed} on navswap.location, keyed by user. */
    public OutboxEntry geofenceCrossed(Reservation reservation, int radiusMeters, double distanceMeters,
            ReservationStatus previous, ReservationStatus next, Instant at) {
        return outbox.entry(Topics.LOCATION, EventTypes.GEOFENCE_CROSSED, Subjects.user(reservation.userId),
                new GeofenceCrossed(reservation.userId, reservation.id, reservation.stationId, radiusMeters,
                        distanceMeters, previous.wire(), next.wire(), at));
    }

    /** {@code location.updated} on navswap.location, keyed by user. */
    public OutboxEntry locationUpdated(LocationUpdated location) {
        return outbox.entry(Topics.LOCATION, EventTypes.LOCATION_UPDATED, Subjects.user(location.userId()), location);
    }
}
