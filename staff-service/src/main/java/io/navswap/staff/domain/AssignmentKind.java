package io.navswap.staff.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A regular shift at a home station, or a temporary diversion to another station. */
public enum AssignmentKind {
    REGULAR, DIVERSION;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
