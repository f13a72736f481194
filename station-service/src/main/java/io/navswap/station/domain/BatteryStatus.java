package io.navswap.station.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a battery is in its life. The allowed moves are listed here and nowhere else; services ask
 * {@link #canMoveTo(BatteryStatus)} before they write, and the write itself is conditional on the status read.
 */
public enum BatteryStatus {
    /** Full and waiting at a station for a rider. */
    CHARGED,
    /** On a charger at a station. */
    CHARGING,
    /** With a rider. */
    IN_USE,
    /** Taken out of service at a station or a partner shop (level-1 fault or admin decision). */
    QUARANTINED,
    /** With a transporter between two places. */
    IN_TRANSIT,
    /** Stored at a partner shop (overflow stock, kept charged). */
    AT_PARTNER;

    /** Statuses a battery can have while it sits at a station. */
    public static final Set<BatteryStatus> AT_STATION = EnumSet.of(CHARGED, CHARGING, QUARANTINED);
    /** Statuses a battery can have while it sits at a partner shop. */
    public static final Set<BatteryStatus> AT_SHOP = EnumSet.of(AT_PARTNER, QUARANTINED);

    public boolean canMoveTo(BatteryStatus next) {
        return switch (this) {
            case CHARGED -> next == IN_USE || next == CHARGING || next == QUARANTINED || next == IN_TRANSIT;
            case CHARGING -> next == CHARGED || next == QUARANTINED || next == IN_TRANSIT;
            case IN_USE -> next == CHARGING || next == QUARANTINED;
            case QUARANTINED -> next == CHARGING || next == AT_PARTNER || next == IN_TRANSIT;
            case IN_TRANSIT -> next == CHARGED || next == CHARGING || next == AT_PARTNER || next == QUARANTINED;
            case AT_PARTNER -> next == IN_TRANSIT || next == QUARANTINED;
        };
    }

    /** The location kinds this status is consistent with. */
    public boolean allowsLocation(LocationType location) {
        return switch (this) {
            case CHARGED, CHARGING -> location == LocationType.STATION;
            case QUARANTINED -> location == LocationType.STATION || location == LocationType.PARTNER_SHOP;
            case IN_USE -> location == LocationType.RIDER;
            case IN_TRANSIT -> location == LocationType.TRANSIT;
            case AT_PARTNER -> location == LocationType.PARTNER_SHOP;
        };
    }

    /** The name on the wire and in events: {@code charged}, {@code in_use}, ... */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BatteryStatus fromWire(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(values()).filter(s -> s.wire().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown battery status " + value));
    }

    /** Regular expression of the wire names, for request validation. */
    public static final String WIRE_PATTERN = "charged|charging|in_use|quarantined|in_transit|at_partner";
}
