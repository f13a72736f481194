package io.navswap.staff;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds (asynchronous Kafka-driven work), failing with the last value seen. */
public final class Eventually {
    private Eventually() {
    }

    public static <T> T await(Duration timeout, Supplier<T> probe, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (last != null && done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
    }
}
