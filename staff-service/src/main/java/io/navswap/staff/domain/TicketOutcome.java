package io.navswap.staff.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a ticket was resolved; {@code repaired} returns the battery to service (station-service). */
public enum TicketOutcome {
    REPAIRED, REPLACED, RETIRED, NO_FAULT_FOUND;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TicketOutcome fromWire(String value) {
        return WireEnums.parse(TicketOutcome.class, value);
    }
}
