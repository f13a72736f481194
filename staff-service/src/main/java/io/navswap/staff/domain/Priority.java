package io.navswap.staff.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Urgency of a diversion or a ticket; orders from least to most urgent. */
public enum Priority {
    LOW, MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Priority fromWire(String value) {
        return WireEnums.parse(Priority.class, value);
    }

    public Priority max(Priority other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
