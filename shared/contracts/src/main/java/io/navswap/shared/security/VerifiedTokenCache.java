package io.navswap.shared.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer-token parser of every service and the gateway: smallrye-jwt's own parser, in front of which the tokens
 * it accepted are remembered until they expire, but at most {@code navswap.jwt.verified-for} (zero turns the memory
 * off). A rider's journey presents the same token a dozen times and each request is checked twice (gateway, then
 * service); the RSA signature check and claim parsing were about a fifth of a service's CPU per request. Only
 * accepted tokens are remembered, keyed by the whole token text (signature included), so nothing the parser would
 * refuse is ever answered from memory; the bound limits how long a key withdrawn from the key set keeps working.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {
    /** Above this many remembered tokens, expired ones are dropped; if that is not enough, all are. */
    static final int PRUNE_ABOVE = 10_000;

    private record Verified(JsonWebToken token, long untilNanos) {
    }

    private final DefaultJWTParser parser;
    private final long forNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokenCache(DefaultJWTParser parser,
            @ConfigProperty(name = "navswap.jwt.verified-for", defaultValue = "5m") Duration verifiedFor) {
        this(parser, verifiedFor, System::nanoTime);
    }

    VerifiedTokenCache(DefaultJWTParser parser, Duration verifiedFor, LongSupplier nanoClock) {
        this.parser = parser;
        this.forNanos = Math.max(0, verifiedFor.toNanos());
        this.nanoClock = nanoClock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Verified known = verified.get(token);
        long now = nanoClock.getAsLong();
        if (known != null && known.untilNanos() - now > 0) {
            return known.token();
        }
        JsonWebToken accepted = parser.parse(token);
        remember(token, accepted, now);
        return accepted;
    }

    private void remember(String token, JsonWebToken accepted, long now) {
        long expiresInNanos = Duration.ofSeconds(accepted.getExpirationTime())
                .minusMillis(System.currentTimeMillis()).toNanos();
        long keep = Math.min(forNanos, expiresInNanos);
        if (keep <= 0) {
            verified.remove(token);
            return;
        }
        if (verified.size() >= PRUNE_ABOVE) {
            verified.values().removeIf(entry -> entry.untilNanos() - now <= 0);
            if (verified.size() >= PRUNE_ABOVE) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(accepted, now + keep));
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }

    int remembered() {
        return verified.size();
    }
}
