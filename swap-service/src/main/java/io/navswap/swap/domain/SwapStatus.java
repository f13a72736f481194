package io.navswap.swap.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * Where a swap is: {@code started} when its QR code was verified at the counter, then {@code completed} when
 * the batteries were exchanged, or {@code failed} when its reservation failed or was cancelled first. Both
 * end states are final.
 */
public enum SwapStatus {
    STARTED,
    COMPLETED,
    FAILED;

    public boolean canMoveTo(SwapStatus next) {
        return switch (this) {
            case STARTED -> Set.of(COMPLETED, FAILED).contains(next);
            case COMPLETED, FAILED -> false;
        };
    }

    /** The wire name ({@code started}); the Mongo documents store the enum name. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
