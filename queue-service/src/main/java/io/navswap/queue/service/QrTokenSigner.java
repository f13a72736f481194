package io.navswap.queue.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.queue.config.QueueConfig;
import io.navswap.queue.domain.QrClaims;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * QR tokens of SPEC §Security: {@code base64url(payload).base64url(HMAC-SHA256(key, payload))}, payload =
 * JSON {@link QrClaims}. New tokens are signed with the active key id; every configured key id verifies, so
 * keys rotate by adding the new key, switching the active id, and removing the old key once its tokens
 * (15 min) are gone. Signatures are compared in constant time. Checked at startup: each key decodes to at
 * least 32 bytes and the active id exists. The repository's public development key (id {@code dev}) is
 * accepted only while it is the active key.
 */
@Startup
@ApplicationScoped
public class QrTokenSigner {
    private static final Logger LOG = Logger.getLogger(QrTokenSigner.class);
    public static final int VERSION = 1;
    static final int MIN_KEY_BYTES = 32;
    /** Far above a real token (~300 chars); refuses absurd input before any decoding. */
    static final int MAX_TOKEN_LENGTH = 2048;
    /** Lowercase letters and digits: an id must survive the environment-variable mapping unchanged. */
    private static final Pattern KID = Pattern.compile("[a-z0-9]{1,32}");
    private static final String ALGORITHM = "HmacSHA256";
    /** The repository's public development key id (application.properties); never for production. */
    static final String DEV_KID = "dev";

    private final Map<String, SecretKeySpec> keys;
    private final String activeKid;
    private final java.time.Duration ttl;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, true);
    private final SecureRandom random = new SecureRandom();

    @Inject
    public QrTokenSigner(QueueConfig config) {
        this(config.qr().keys(), config.qr().activeKid(), config.qr().ttl());
    }

    QrTokenSigner(Map<String, String> base64Keys, String activeKid, java.time.Duration ttl) {
        Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
        base64Keys.forEach((kid, value) -> {
            if (!KID.matcher(kid).matches()) {
                throw new IllegalStateException("QR key id '" + kid + "' must be 1-32 lowercase letters or digits");
            }
            byte[] bytes = decodeKey(kid, value);
            if (bytes.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("QR key '" + kid + "' has " + bytes.length + " bytes; at least "
                        + MIN_KEY_BYTES + " are required");
            }
            parsed.put(kid, new SecretKeySpec(bytes, ALGORITHM));
        });
        if (!parsed.containsKey(activeKid)) {
            throw new IllegalStateException("navswap.queue.qr.active-kid=" + activeKid + " names no configured key "
                    + parsed.keySet());
        }
        if (!DEV_KID.equals(activeKid)) {
            // The development key is public: once a real key is active it must not verify anything.
            parsed.remove(DEV_KID);
        }
        this.keys = Map.copyOf(parsed);
        this.activeKid = activeKid;
        this.ttl = ttl;
        if (DEV_KID.equals(activeKid)) {
            LOG.warn("Signing QR tokens with the DEV-ONLY key 'dev' published in the repository; set "
                    + "NAVSWAP_QR_ACTIVE_KID and NAVSWAP_QUEUE_QR_KEYS_<KID> outside a laptop or CI");
        }
    }

    /** Claims for a new token of {@code reservationId}, signed with the active key, valid for the configured TTL. */
    public QrClaims newClaims(String reservationId, String userId, String stationId, Instant now) {
        long iat = now.getEpochSecond();
        return new QrClaims(VERSION, activeKid, reservationId, userId, stationId, iat, iat + ttl.toSeconds(), nonce());
    }

    public String sign(QrClaims claims) {
        SecretKeySpec key = keys.get(claims.kid());
        if (key == null) {
            throw new IllegalArgumentException("No QR key with id " + claims.kid());
        }
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("QR claims cannot be serialised", e);
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(hmac(key, payload));
    }

    /**
     * Checks form, key id, signature (constant time) and then expiry, in that order: an expired token is
     * reported as expired only when it is authentic.
     */
    public QrClaims verify(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid("The QR token is empty or too long");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || dot == token.length() - 1) {
            throw invalid("The QR token is not of the form payload.signature");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("The QR token is not base64url");
        }
        // Only the canonical spelling is accepted (the decoder ignores unused trailing bits), so one set of
        // claims has exactly one valid token string.
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        if (!b64.encodeToString(payload).equals(token.substring(0, dot))
                || !b64.encodeToString(signature).equals(token.substring(dot + 1))) {
            throw invalid("The QR token is not canonically encoded");
        }
        QrClaims claims;
        try {
            claims = json.readValue(payload, QrClaims.class);
        } catch (java.io.IOException e) {
            throw invalid("The QR token payload is not readable");
        }
        SecretKeySpec key = claims.kid() == null ? null : keys.get(claims.kid());
        if (key == null) {
            throw invalid("The QR token was signed with an unknown key");
        }
        if (!MessageDigest.isEqual(hmac(key, payload), signature)) {
            throw invalid("The QR token signature does not match");
        }
        if (claims.v() != VERSION || blank(claims.rid()) || blank(claims.sub()) || blank(claims.st())
                || blank(claims.n())) {
            throw invalid("The QR token payload is incomplete or of an unknown version");
        }
        if (now.getEpochSecond() >= claims.exp()) {
            throw new QrTokenException(QrTokenException.Reason.EXPIRED, "The QR token expired");
        }
        return claims;
    }

    public String activeKid() {
        return activeKid;
    }

    private String nonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] decodeKey(String kid, String value) {
        String trimmed = value == null ? "" : value.trim();
        try {
            return trimmed.contains("-") || trimmed.contains("_")
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("QR key '" + kid + "' is not base64", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static QrTokenException invalid(String message) {
        return new QrTokenException(QrTokenException.Reason.INVALID, message);
    }
}
