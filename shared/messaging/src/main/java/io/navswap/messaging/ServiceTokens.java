package io.navswap.messaging;

import io.navswap.shared.security.Roles;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bearer tokens for calls a service makes on its own behalf (a Kafka consumer asking ai-service, say).
 * Signed with the service key, so receivers grant them only the {@code service} role. Cached until
 * shortly before expiry.
 */
@ApplicationScoped
public class ServiceTokens {
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final String serviceName;
    private final String issuer;
    private final String audience;
    private final String keyId;
    private final String keyLocation;
    private volatile String token;
    private volatile Instant renewAt = Instant.EPOCH;

    ServiceTokens(@ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audience,
            @ConfigProperty(name = "navswap.jwt.service-key-id") String keyId,
            @ConfigProperty(name = "navswap.jwt.service-private-key-location") String keyLocation) {
        this.serviceName = serviceName;
        this.issuer = issuer;
        this.audience = audience;
        this.keyId = keyId;
        this.keyLocation = keyLocation;
    }

    /** The value for an {@code Authorization} header. */
    public String bearer() {
        if (Instant.now().isAfter(renewAt)) {
            synchronized (this) {
                if (Instant.now().isAfter(renewAt)) {
                    token = Jwt.issuer(issuer).audience(audience).subject(serviceName).upn(serviceName)
                            .groups(Roles.SERVICE).expiresIn(LIFETIME)
                            .jws().keyId(keyId).sign(keyLocation);
                    renewAt = Instant.now().plus(LIFETIME).minusSeconds(60);
                }
            }
        }
        return "Bearer " + token;
    }
}
