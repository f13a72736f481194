package io.navswap.staff.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A ticket only moves forward: open → in_progress → resolved → closed. */
public enum TicketStatus {
    OPEN, IN_PROGRESS, RESOLVED, CLOSED;

    public boolean canMoveTo(TicketStatus next) {
        return switch (this) {
            case OPEN -> next == IN_PROGRESS;
            case IN_PROGRESS -> next == RESOLVED;
            case RESOLVED -> next == CLOSED;
            case CLOSED -> false;
        };
    }

    /** Someone still has to work on it. */
    public boolean active() {
        return this == OPEN || this == IN_PROGRESS;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
