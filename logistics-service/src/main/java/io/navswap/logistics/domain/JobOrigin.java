package io.navswap.logistics.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a job exists: a station running short, a station over capacity, or an admin's decision. */
public enum JobOrigin {
    REBALANCING,
    OVERFLOW,
    MANUAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
