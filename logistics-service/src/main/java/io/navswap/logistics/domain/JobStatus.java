package io.navswap.logistics.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a transport job is in its life. The allowed moves live here and nowhere else:
 * <pre>
 * open ──accept──▶ accepted ──pickup──▶ picked_up ──complete──▶ delivered
 *  │  ◀──release──    │
 *  ├──cancel──▶ cancelled ◀──cancel──┘
 *  └──expire──▶ expired
 * </pre>
 * The one move back ({@code accepted → open}) is the release of a job its transporter did not pick up in
 * time; it returns the job to the market rather than undoing any work. Batteries are on the road from
 * {@code picked_up} on, so such a job can only be delivered.
 */
public enum JobStatus {
    OPEN,
    ACCEPTED,
    PICKED_UP,
    DELIVERED,
    CANCELLED,
    EXPIRED;

    /** The statuses in which a job still holds its shortage key and counts against its source's stock. */
    public static final Set<JobStatus> LIVE = EnumSet.of(OPEN, ACCEPTED, PICKED_UP);
    /** The statuses that occupy one of a transporter's slots. */
    public static final Set<JobStatus> HELD = EnumSet.of(ACCEPTED, PICKED_UP);

    public boolean canMoveTo(JobStatus next) {
        return switch (this) {
            case OPEN -> next == ACCEPTED || next == CANCELLED || next == EXPIRED;
            case ACCEPTED -> next == PICKED_UP || next == OPEN || next == CANCELLED;
            case PICKED_UP -> next == DELIVERED;
            case DELIVERED, CANCELLED, EXPIRED -> false;
        };
    }

    /** The name on the wire and in events: {@code picked_up}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JobStatus> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (JobStatus status : values()) {
            if (status.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
