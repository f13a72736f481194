package io.navswap.station.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What kind of place {@code location_id} names. */
public enum LocationType {
    STATION,
    PARTNER_SHOP,
    /** {@code location_id} is the rider's user id. */
    RIDER,
    /** {@code location_id} is the transport job id. */
    TRANSIT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static LocationType fromWire(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(values()).filter(s -> s.wire().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown location type " + value));
    }

    public static final String WIRE_PATTERN = "station|partner_shop|rider|transit";
}
