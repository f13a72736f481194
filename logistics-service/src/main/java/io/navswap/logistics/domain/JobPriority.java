package io.navswap.logistics.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgently a job should be taken; {@link #rank()} orders the marketplace (higher first). */
public enum JobPriority {
    LOW(1),
    NORMAL(2),
    HIGH(3),
    URGENT(4);

    private final int rank;

    JobPriority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps the stock-order model's urgency words (and our own) to a priority; unknown words are normal. */
    public static JobPriority fromUrgency(String urgency) {
        if (urgency == null) {
            return NORMAL;
        }
        return switch (urgency.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "urgent" -> URGENT;
            case "high" -> HIGH;
            case "low" -> LOW;
            default -> NORMAL;
        };
    }
}
