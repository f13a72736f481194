package io.navswap.staff.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** One clock for the service, so rules about "now" have a single source. */
public class TimeSource {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
