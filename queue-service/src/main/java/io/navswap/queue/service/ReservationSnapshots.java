package io.navswap.queue.service;

import io.navswap.queue.domain.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The copy of each live reservation that this process's last transition wrote (Mongo's answer to the
 * conditional update), so that the next transition of the same reservation (arrived after approaching, the QR
 * scan after arrival) can go straight to its conditional update instead of reading first. A hint, never the
 * record: {@link ReservationTransitions} lets only a successful guarded update stand on a copy. Every write to a
 * reservation bumps its version, but for the outbox relay's removal of sent events, which no decision reads.
 */
@ApplicationScoped
public class ReservationSnapshots {
    /** Bounds the memory; when full, all copies are dropped at once (they are only a shortcut). */
    static final int CAPACITY = 4096;

    private final Map<String, Reservation> byId = new ConcurrentHashMap<>();

    /** Removes and answers the copy: a copy serves one transition, so no two requests share (and mutate) it. */
    Reservation take(String reservationId) {
        return byId.remove(reservationId);
    }

    void keep(Reservation written) {
        if (written.status.isTerminal()) {
            byId.remove(written.id);
            return;
        }
        if (byId.size() >= CAPACITY) {
            byId.clear();
        }
        byId.put(written.id, written);
    }
}
