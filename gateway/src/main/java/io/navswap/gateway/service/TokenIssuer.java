package io.navswap.gateway.service;

import io.navswap.gateway.config.GatewayConfig;
import io.navswap.gateway.domain.User;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signs user access tokens (RS256). The claims are exactly what every service verifies: issuer and
 * audience from the shared {@code mp.jwt.verify.*} settings, {@code groups} = the role.
 */
/* Created at startup so that a missing or unreadable key stops the gateway at once. */
@Startup
@ApplicationScoped
public class TokenIssuer {
    private static final Logger LOG = Logger.getLogger(TokenIssuer.class);

    private final PrivateKey signingKey;
    private final String keyId;
    private final Duration ttl;
    private final String issuer;
    private final Set<String> audiences;

    TokenIssuer(GatewayConfig config,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audiences) {
        String location = config.jwt().privateKeyLocation();
        this.signingKey = load(location);
        this.keyId = config.jwt().keyId();
        this.ttl = config.jwt().tokenTtl();
        this.issuer = issuer;
        this.audiences = Arrays.stream(audiences.split(",")).map(String::trim).filter(a -> !a.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (location.startsWith("dev-keys/")) {
            LOG.warn("Signing user tokens with the DEV-ONLY key bundled in the repository; set "
                    + "NAVSWAP_JWT_PRIVATE_KEY_LOCATION outside a laptop or CI");
        }
    }

    public record IssuedToken(String token, long expiresInSeconds) {
    }

    public IssuedToken issue(User user) {
        Instant now = Instant.now();
        String token = Jwt.issuer(issuer)
                .audience(audiences)
                .subject(user.id)
                .upn(user.email)
                .groups(user.role)
                .claim("name", user.name)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .jws().keyId(keyId)
                .sign(signingKey);
        return new IssuedToken(token, ttl.toSeconds());
    }

    private static PrivateKey load(String location) {
        try {
            String pem = ResourceUtils.readResource(location);
            if (pem == null) {
                throw new IllegalStateException("No JWT signing key at " + location
                        + " (navswap.gateway.jwt.private-key-location / NAVSWAP_JWT_PRIVATE_KEY_LOCATION)");
            }
            return KeyUtils.decodePrivateKey(pem);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the JWT signing key at " + location, e);
        }
    }
}
