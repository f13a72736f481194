package io.navswap.staff.domain;

import java.time.Instant;

/** One line of a ticket's history: who did what, when. */
public class TicketEvent {
    public Instant at;
    public String action;
    public String fromStatus;
    public String toStatus;
    public String by;
    public String note;

    public TicketEvent() {
    }

    public TicketEvent(Instant at, String action, String fromStatus, String toStatus, String by, String note) {
        this.at = at;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.by = by;
        this.note = note;
    }
}
