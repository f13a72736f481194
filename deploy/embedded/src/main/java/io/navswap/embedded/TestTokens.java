package io.navswap.embedded;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;

/**
 * User tokens exactly as the gateway issues them, signed with the DEV-ONLY gateway key, for tests that
 * call a service directly. End-to-end tests log in through the gateway instead.
 */
public final class TestTokens {
    public static final String ISSUER = "https://navswap.io";
    public static final String AUDIENCE = "navswap";
    private static final String KEY = "dev-keys/jwt-private.pem";
    private static final String KEY_ID = "gateway-dev";

    private TestTokens() {
    }

    /** {@code Authorization} header value for {@code userId} with {@code role}, valid for an hour. */
    public static String bearer(String userId, String role) {
        return "Bearer " + sign(userId, role, Instant.now().plus(Duration.ofHours(1)));
    }

    public static String expired(String userId, String role) {
        return "Bearer " + sign(userId, role, Instant.now().minus(Duration.ofMinutes(5)));
    }

    private static String sign(String userId, String role, Instant expiresAt) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId).upn(userId).groups(role)
                .issuedAt(expiresAt.minus(Duration.ofHours(1))).expiresAt(expiresAt)
                .jws().keyId(KEY_ID).sign(KEY);
    }
}
