package io.navswap.station.support;

import java.time.Duration;

/** Polls an assertion until it holds (asynchronous effects: consumers, recounts, relays). */
public final class Eventually {
    private Eventually() {
    }

    public static void holds(Runnable assertion) {
        holds(Duration.ofSeconds(20), assertion);
    }

    public static void holds(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting", e);
            }
        }
    }
}
