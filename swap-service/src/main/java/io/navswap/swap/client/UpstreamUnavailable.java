package io.navswap.swap.client;

/** Another service answered 5xx: treated like an unreachable service (retried, counted by the breaker). */
public class UpstreamUnavailable extends RuntimeException {
    public UpstreamUnavailable(String message) {
        super(message);
    }
}
