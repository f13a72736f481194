package io.navswap.staff.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * {@code active}: in force for its time window (on duty while {@code starts_at <= now < ends_at});
 * {@code ended}: stopped early by an admin; {@code completed}: its window passed (marked by a job,
 * for history; on-duty answers never wait for the job because they filter by time).
 */
public enum AssignmentStatus {
    ACTIVE, ENDED, COMPLETED;

    public boolean canMoveTo(AssignmentStatus next) {
        return this == ACTIVE && (next == ENDED || next == COMPLETED);
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
