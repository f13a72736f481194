package io.navswap.logistics.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The two kinds of place batteries move between; the wire names are those of {@code TransportJobChanged}. */
public enum PlaceType {
    STATION,
    PARTNER_SHOP;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
