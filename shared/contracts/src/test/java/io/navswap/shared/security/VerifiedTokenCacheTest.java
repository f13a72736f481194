package io.navswap.shared.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {
    private static final String ISSUER = "https://navswap.test";
    private static KeyPair keys;

    private final AtomicLong nanos = new AtomicLong();
    private final CountingParser parser = new CountingParser();

    @BeforeAll
    static void generateKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void acceptedTokenIsAnsweredFromMemory() throws Exception {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5));
        String token = token("usr-c-001", Duration.ofMinutes(30));

        JsonWebToken first = cache.parse(token);
        JsonWebToken second = cache.parse(token);

        assertEquals("usr-c-001", first.getSubject());
        assertSame(first, second);
        assertEquals(1, parser.calls.get(), "the signature is checked once");
    }

    @Test
    void refusedTokenIsCheckedEveryTimeAndNeverRemembered() throws Exception {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5));
        String token = token("usr-c-001", Duration.ofMinutes(30));
        String tampered = token.substring(0, token.length() - 4) + "AAAA";

        assertThrows(ParseException.class, () -> cache.parse(tampered));
        assertThrows(ParseException.class, () -> cache.parse(tampered));

        assertEquals(2, parser.calls.get());
        assertEquals(0, cache.remembered());
        assertEquals("usr-c-001", cache.parse(token).getSubject(), "the genuine token still passes");
    }

    @Test
    void tokenIsCheckedAgainAfterTheBound() throws Exception {
        VerifiedTokenCache cache = cache(Duration.ofSeconds(30));
        String token = token("usr-c-001", Duration.ofMinutes(30));

        cache.parse(token);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        cache.parse(token);
        assertEquals(1, parser.calls.get(), "within the bound");

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.parse(token);
        assertEquals(2, parser.calls.get(), "past the bound the parser decides again");
    }

    @Test
    void memoryNeverOutlivesTheTokensExpiry() throws Exception {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5));
        String token = token("usr-c-001", Duration.ofSeconds(10));

        cache.parse(token);
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        cache.parse(token);

        assertEquals(2, parser.calls.get(), "after exp the parser (with its clock-skew rules) decides again");
    }

    @Test
    void zeroBoundTurnsTheMemoryOff() throws Exception {
        VerifiedTokenCache cache = cache(Duration.ZERO);
        String token = token("usr-c-001", Duration.ofMinutes(30));

        cache.parse(token);
        cache.parse(token);

        assertEquals(2, parser.calls.get());
        assertEquals(0, cache.remembered());
    }

    @Test
    void memoryStaysBounded() throws Exception {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5));
        String token = token("usr-c-001", Duration.ofMinutes(30));
        for (int i = 0; i <= VerifiedTokenCache.PRUNE_ABOVE; i++) {
            cache.parse(token + "#" + i);
        }
        assertEquals(1, cache.remembered(), "a full memory of live tokens is emptied, then the new one kept");
    }

    private VerifiedTokenCache cache(Duration bound) {
        return new VerifiedTokenCache(parser, bound, nanos::get);
    }

    private static String token(String subject, Duration validFor) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(
                Instant.now().plus(validFor).getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    /** smallrye-jwt's parser with our test key, counting how often it is asked; "#n" suffixes stand for n tokens. */
    private static final class CountingParser extends DefaultJWTParser {
        final AtomicInteger calls = new AtomicInteger();

        CountingParser() {
            super(new JWTAuthContextInfo(keys.getPublic(), ISSUER));
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.incrementAndGet();
            int suffix = token.indexOf('#');
            return super.parse(suffix < 0 ? token : token.substring(0, suffix));
        }
    }
}
