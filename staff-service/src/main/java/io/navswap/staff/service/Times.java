package io.navswap.staff.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Mongo stores milliseconds; instants are cut to milliseconds before they are compared or stored. */
public final class Times {
    private Times() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
