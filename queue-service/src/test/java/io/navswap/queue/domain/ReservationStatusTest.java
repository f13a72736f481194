package io.navswap.queue.domain;

import static io.navswap.queue.domain.ReservationStatus.APPROACHING;
import static io.navswap.queue.domain.ReservationStatus.ARRIVED;
import static io.navswap.queue.domain.ReservationStatus.CANCELLED;
import static io.navswap.queue.domain.ReservationStatus.COMPLETED;
import static io.navswap.queue.domain.ReservationStatus.CONFIRMED;
import static io.navswap.queue.domain.ReservationStatus.EXPIRED;
import static io.navswap.queue.domain.ReservationStatus.FAILED;
import static io.navswap.queue.domain.ReservationStatus.IN_PROGRESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.shared.geo.Haversine;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReservationStatusTest {

    @Test
    void lifecycleMovesForwardOnly() {
        assertAllowed(CONFIRMED, EnumSet.of(APPROACHING, ARRIVED, IN_PROGRESS, CANCELLED, EXPIRED));
        assertAllowed(APPROACHING, EnumSet.of(ARRIVED, IN_PROGRESS, CANCELLED, EXPIRED));
        assertAllowed(ARRIVED, EnumSet.of(IN_PROGRESS, CANCELLED, EXPIRED));
        assertAllowed(IN_PROGRESS, EnumSet.of(COMPLETED, FAILED));
        for (ReservationStatus terminal : EnumSet.of(COMPLETED, CANCELLED, EXPIRED, FAILED)) {
            assertAllowed(terminal, EnumSet.noneOf(ReservationStatus.class));
            assertTrue(terminal.isTerminal());
        }
    }

    @Test
    void eventTypesAndWireNames() {
        assertEquals("reservation.started", IN_PROGRESS.eventType());
        assertEquals("in_progress", IN_PROGRESS.wire());
        assertEquals("reservation.approaching", APPROACHING.eventType());
        assertFalse(IN_PROGRESS.isWaiting());
        assertTrue(IN_PROGRESS.isLive());
    }

    @Test
    void haversineMatchesAKnownDistance() {
        // Connaught Place Hub to Karol Bagh (SeedCatalog): about 3.4 km.
        double meters = Haversine.meters(28.6315, 77.2167, 28.6519, 77.1909);
        assertTrue(meters > 3_350 && meters < 3_450, "was " + meters);
    }

    private static void assertAllowed(ReservationStatus from, Set<ReservationStatus> allowed) {
        for (ReservationStatus to : ReservationStatus.values()) {
            assertEquals(allowed.contains(to), from.canMoveTo(to), from + " -> " + to);
        }
    }
}
