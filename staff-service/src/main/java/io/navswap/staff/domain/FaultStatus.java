package io.navswap.staff.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a fault stands in the three levels: recorded (1), diagnosed (2), ticketed (3). */
public enum FaultStatus {
    RECORDED(1), DIAGNOSED(2), TICKETED(3);

    private final int level;

    FaultStatus(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public boolean canMoveTo(FaultStatus next) {
        return next.level > level;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
