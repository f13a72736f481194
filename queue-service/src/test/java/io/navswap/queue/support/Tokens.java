package io.navswap.queue.support;

import io.navswap.embedded.TestTokens;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Gateway-shaped tokens for tests, with the {@code name} claim the gateway adds. */
public final class Tokens {
    private Tokens() {
    }

    public static String consumer(String userId) {
        return withName(userId, "consumer", "Rider " + userId);
    }

    public static String staff(String userId) {
        return TestTokens.bearer(userId, "staff");
    }

    public static String admin(String userId) {
        return TestTokens.bearer(userId, "admin");
    }

    public static String withName(String userId, String role, String name) {
        Instant now = Instant.now();
        return "Bearer " + Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(userId).upn(userId)
                .groups(role).claim("name", name).issuedAt(now).expiresAt(now.plus(Duration.ofHours(1)))
                .jws().keyId("gateway-dev").sign("dev-keys/jwt-private.pem");
    }

    /** A short unique suffix so tests sharing one database never collide. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
