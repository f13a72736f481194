package io.navswap.queue.domain;

/**
 * The signed payload of a QR token (SPEC §Security): version, key id, reservation id, user, station,
 * issued-at and expiry (epoch seconds), nonce. Field names are the wire names.
 */
public record QrClaims(int v, String kid, String rid, String sub, String st, long iat, long exp, String n) {
}
