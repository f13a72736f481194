package io.navswap.queue.service;

import io.navswap.queue.config.QueueConfig;
import io.navswap.queue.domain.ReservationStatus;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The two rings around a station (SPEC: 1000 m and 500 m). Forward only: inside the outer ring a
 * {@code confirmed} reservation becomes {@code approaching}; inside the inner ring a {@code confirmed} or
 * {@code approaching} one becomes {@code arrived}. Leaving a ring never moves anything back, and each move
 * happens once because it starts from a status that it leaves.
 */
@ApplicationScoped
public class Geofence {
    private final QueueConfig config;

    Geofence(QueueConfig config) {
        this.config = config;
    }

    /** The status the reservation moves to at this distance, or {@code null}. */
    public ReservationStatus target(ReservationStatus status, double distanceMeters) {
        if (distanceMeters <= config.geofence().arrivedMeters()
                && (status == ReservationStatus.CONFIRMED || status == ReservationStatus.APPROACHING)) {
            return ReservationStatus.ARRIVED;
        }
        if (distanceMeters <= config.geofence().approachingMeters() && status == ReservationStatus.CONFIRMED) {
            return ReservationStatus.APPROACHING;
        }
        return null;
    }

    public int radiusOf(ReservationStatus target) {
        return target == ReservationStatus.ARRIVED ? config.geofence().arrivedMeters()
                : config.geofence().approachingMeters();
    }
}
