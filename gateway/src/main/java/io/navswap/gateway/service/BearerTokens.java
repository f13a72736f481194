package io.navswap.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Checks the bearer token of a request with the same keys, issuer and audience as every service
 * ({@code mp.jwt.verify.*}), so a forged, tampered or expired token is stopped at the edge.
 */
@ApplicationScoped
public class BearerTokens {
    private static final Logger LOG = Logger.getLogger(BearerTokens.class);
    private static final String SCHEME = "bearer ";

    private final JWTParser parser;
    private final ObjectMapper mapper;
    private final String serviceKeyId;

    BearerTokens(JWTParser parser, ObjectMapper mapper,
            @ConfigProperty(name = "navswap.jwt.service-key-id") String serviceKeyId) {
        this.parser = parser;
        this.mapper = mapper;
        this.serviceKeyId = serviceKeyId;
    }

    /** The outcome for one request. */
    public sealed interface Check {
    }

    /** No {@code Authorization: Bearer} header: the caller is anonymous. */
    public record Absent() implements Check {
    }

    public record Valid(JsonWebToken token) implements Check {
    }

    public record Invalid(String reason) implements Check {
    }

    public Check check(String authorization) {
        if (authorization == null || authorization.length() < SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return new Absent();
        }
        String raw = authorization.substring(SCHEME.length()).trim();
        if (raw.isEmpty()) {
            return new Invalid("The bearer token is empty");
        }
        if (serviceKeyId.equals(keyId(raw))) {
            // Service-to-service tokens are for calls inside the cluster; from outside they are refused.
            return new Invalid("Service tokens are not accepted at the public gateway");
        }
        try {
            return new Valid(parser.parse(raw));
        } catch (ParseException e) {
            LOG.debugf("Refused a bearer token: %s", e.getMessage());
            return new Invalid("The bearer token is invalid or expired");
        }
    }

    private String keyId(String raw) {
        int dot = raw.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            JsonNode header = mapper.readTree(Base64.getUrlDecoder().decode(raw.substring(0, dot)));
            return header.path("kid").asText(null);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
