package io.navswap.gateway.service;

import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Logs that a Redis-backed protection is being skipped, once per minute per protection rather than once
 * per request, so an outage does not drown the log it is reported in.
 */
final class RedisOutage {
    private static final long QUIET_MILLIS = 60_000;

    private final Logger log;
    private final String what;
    private final AtomicLong lastWarning = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    RedisOutage(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    void failedOpen(Throwable cause) {
        long count = skipped.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last >= QUIET_MILLIS && lastWarning.compareAndSet(last, now)) {
            skipped.set(0);
            log.warnf("Redis unavailable (%s): %s is not enforced, requests pass (fail open); %d skipped since the last warning",
                    cause.toString(), what, count);
        }
    }
}
