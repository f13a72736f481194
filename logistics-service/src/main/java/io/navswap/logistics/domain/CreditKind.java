package io.navswap.logistics.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a ledger entry pays for. */
public enum CreditKind {
    /** A transporter delivered a job. */
    TRANSPORT_EARNINGS,
    /** A rider completed a swap. */
    SWAP_LOYALTY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
