package io.navswap.logistics.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for an asynchronous outcome (a consumed event) without fixed sleeps. */
public final class Poll {
    private Poll() {
    }

    public static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        T value = probe.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = probe.get();
        }
        return value;
    }

    /** Lets a redelivered event or a late duplicate arrive before asserting that it changed nothing. */
    public static void settle(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
