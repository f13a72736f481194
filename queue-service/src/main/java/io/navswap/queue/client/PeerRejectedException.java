package io.navswap.queue.client;

/**
 * A peer service answered with a 4xx: our request was refused, so repeating it will not help. Retries
 * abort on it and circuit breakers do not count it as a failure of the peer.
 */
public class PeerRejectedException extends RuntimeException {
    private final String peer;
    private final int status;

    public PeerRejectedException(String peer, int status) {
        super(peer + " answered HTTP " + status);
        this.peer = peer;
        this.status = status;
    }

    public String peer() {
        return peer;
    }

    public int status() {
        return status;
    }

    /** For {@code @ClientExceptionMapper}s: 4xx become this exception, anything else keeps the default mapping. */
    static RuntimeException map(String peer, jakarta.ws.rs.core.Response response) {
        int status = response.getStatus();
        return status >= 400 && status < 500 ? new PeerRejectedException(peer, status) : null;
    }
}
