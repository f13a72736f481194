package io.navswap.queue.service;

/** Why a QR token was refused before any reservation was looked at. */
public class QrTokenException extends RuntimeException {
    public enum Reason {
        /** Malformed, unknown key id, wrong version or HMAC mismatch. */
        INVALID,
        /** Authentic but past its expiry. */
        EXPIRED
    }

    private final Reason reason;

    public QrTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
