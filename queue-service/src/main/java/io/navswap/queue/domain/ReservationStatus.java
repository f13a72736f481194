package io.navswap.queue.domain;

import io.navswap.shared.events.EventTypes;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The reservation lifecycle of SPEC.md §Flows 1:
 * {@code confirmed → approaching → arrived → in_progress → completed}, and the terminal
 * {@code cancelled}, {@code expired}, {@code failed}. Every allowed move is listed here and nowhere else.
 */
public enum ReservationStatus {
    CONFIRMED(EventTypes.RESERVATION_CONFIRMED),
    APPROACHING(EventTypes.RESERVATION_APPROACHING),
    ARRIVED(EventTypes.RESERVATION_ARRIVED),
    IN_PROGRESS(EventTypes.RESERVATION_STARTED),
    COMPLETED(EventTypes.RESERVATION_COMPLETED),
    CANCELLED(EventTypes.RESERVATION_CANCELLED),
    EXPIRED(EventTypes.RESERVATION_EXPIRED),
    FAILED(EventTypes.RESERVATION_FAILED);

    /** Holding a slot and waiting to be served: a QR may start the swap. */
    public static final Set<ReservationStatus> WAITING = EnumSet.of(CONFIRMED, APPROACHING, ARRIVED);
    /** Not terminal: holds a station slot and the user's single active marker. */
    public static final Set<ReservationStatus> LIVE = EnumSet.of(CONFIRMED, APPROACHING, ARRIVED, IN_PROGRESS);

    private final String eventType;

    ReservationStatus(String eventType) {
        this.eventType = eventType;
    }

    public boolean canMoveTo(ReservationStatus next) {
        return switch (this) {
            case CONFIRMED -> next == APPROACHING || next == ARRIVED || next == IN_PROGRESS || next == CANCELLED
                    || next == EXPIRED;
            case APPROACHING -> next == ARRIVED || next == IN_PROGRESS || next == CANCELLED || next == EXPIRED;
            case ARRIVED -> next == IN_PROGRESS || next == CANCELLED || next == EXPIRED;
            case IN_PROGRESS -> next == COMPLETED || next == FAILED;
            case COMPLETED, CANCELLED, EXPIRED, FAILED -> false;
        };
    }

    public boolean isLive() {
        return LIVE.contains(this);
    }

    public boolean isWaiting() {
        return WAITING.contains(this);
    }

    public boolean isTerminal() {
        return !isLive();
    }

    /** The {@code reservation.<verb>} event announcing a move into this status. */
    public String eventType() {
        return eventType;
    }

    /** The name clients and events use: {@code in_progress}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
