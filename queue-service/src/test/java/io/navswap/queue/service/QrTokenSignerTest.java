package io.navswap.queue.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.navswap.queue.domain.QrClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QrTokenSignerTest {
    private static final String KEY_A = Base64.getEncoder().encodeToString("a".repeat(32).getBytes());
    private static final String KEY_B = Base64.getEncoder().encodeToString("b".repeat(40).getBytes());
    private static final Duration TTL = Duration.ofMinutes(15);

    private final QrTokenSigner signer = new QrTokenSigner(Map.of("ka", KEY_A, "kb", KEY_B), "kb", TTL);
    private final Instant now = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void signedTokenVerifiesAndCarriesTheClaims() {
        QrClaims claims = signer.newClaims("rsv-1", "usr-c-001", "ST-DEL-001", now);
        String token = signer.sign(claims);
        assertThat(token, matchesPattern("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}"));
        QrClaims verified = signer.verify(token, now.plusSeconds(60));
        assertThat(verified, equalTo(claims));
        assertThat(verified.kid(), equalTo("kb"));
        assertThat(verified.exp() - verified.iat(), equalTo(TTL.toSeconds()));
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        assertThat(payload, containsString("\"rid\":\"rsv-1\""));
        assertThat(payload, containsString("\"n\":\"" + claims.n() + "\""));
    }

    @Test
    void everyTokenHasItsOwnNonce() {
        assertThat(signer.newClaims("rsv-1", "u", "s", now).n(), not(equalTo(signer.newClaims("rsv-1", "u", "s", now).n())));
    }

    @Test
    void anyChangeToPayloadOrSignatureIsInvalid() {
        String token = signer.sign(signer.newClaims("rsv-1", "usr-c-001", "ST-DEL-001", now));
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)));
        String otherUser = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("usr-c-001", "usr-c-002").getBytes()) + token.substring(dot);
        char middle = token.charAt(dot + 10);
        String otherSignature = token.substring(0, dot + 10) + (middle == 'A' ? 'B' : 'A') + token.substring(dot + 11);
        // The last character of a 32-byte MAC has two unused bits: an alternative spelling must not pass either.
        char last = token.charAt(token.length() - 1);
        String respelled = token.substring(0, token.length() - 1)
                + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(
                        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(last) ^ 1));
        for (String bad : new String[] { otherUser, otherSignature, respelled, "", "abc", "a.b.c", "!!.??",
                token.substring(0, dot) + ".", "x".repeat(3000) }) {
            QrTokenException e = assertThrows(QrTokenException.class, () -> signer.verify(bad, now));
            assertThat(bad, e.reason(), equalTo(QrTokenException.Reason.INVALID));
        }
    }

    @Test
    void expiryIsCheckedOnlyForAuthenticTokens() {
        String token = signer.sign(signer.newClaims("rsv-1", "usr-c-001", "ST-DEL-001", now));
        QrTokenException expired = assertThrows(QrTokenException.class,
                () -> signer.verify(token, now.plus(TTL)));
        assertThat(expired.reason(), equalTo(QrTokenException.Reason.EXPIRED));
        signer.verify(token, now.plus(TTL).minusSeconds(1));
    }

    @Test
    void rotationKeepsOlderKeysVerifyingUntilRemoved() {
        QrTokenSigner before = new QrTokenSigner(Map.of("ka", KEY_A), "ka", TTL);
        String oldToken = before.sign(before.newClaims("rsv-9", "usr-c-009", "ST-DEL-002", now));
        assertThat(signer.verify(oldToken, now).kid(), equalTo("ka"));
        QrTokenSigner after = new QrTokenSigner(Map.of("kb", KEY_B), "kb", TTL);
        assertThat(assertThrows(QrTokenException.class, () -> after.verify(oldToken, now)).reason(),
                equalTo(QrTokenException.Reason.INVALID));
    }

    @Test
    void developmentKeyIsAcceptedOnlyWhileActive() {
        QrTokenSigner dev = new QrTokenSigner(Map.of("dev", KEY_A), "dev", TTL);
        String devToken = dev.sign(dev.newClaims("rsv-1", "u", "s", now));
        QrTokenSigner production = new QrTokenSigner(Map.of("dev", KEY_A, "kb", KEY_B), "kb", TTL);
        assertThrows(QrTokenException.class, () -> production.verify(devToken, now));
        assertThrows(IllegalArgumentException.class, () -> production.sign(new QrClaims(1, "dev", "r", "u", "s", 0, 1, "n")));
    }

    @Test
    void weakOrMisnamedKeysStopTheServiceFromStarting() {
        String shortKey = Base64.getEncoder().encodeToString("short".getBytes());
        assertThrows(IllegalStateException.class, () -> new QrTokenSigner(Map.of("ka", shortKey), "ka", TTL));
        assertThrows(IllegalStateException.class, () -> new QrTokenSigner(Map.of("Bad-Kid", KEY_A), "Bad-Kid", TTL));
        assertThrows(IllegalStateException.class, () -> new QrTokenSigner(Map.of("ka", "not base64 !"), "ka", TTL));
        assertThrows(IllegalStateException.class, () -> new QrTokenSigner(Map.of("ka", KEY_A), "kz", TTL));
    }
}
