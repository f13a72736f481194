package io.navswap.queue.rest;

import io.navswap.queue.service.Caller;
import io.navswap.shared.http.RequestIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds the {@link Caller} of the current request from its verified JWT and headers. */
@RequestScoped
public class Callers {
    private final JsonWebToken jwt;
    private final SecurityIdentity identity;
    private final HttpHeaders headers;

    Callers(JsonWebToken jwt, SecurityIdentity identity, HttpHeaders headers) {
        this.jwt = jwt;
        this.identity = identity;
        this.headers = headers;
    }

    public Caller current() {
        String userId = jwt.getSubject() != null ? jwt.getSubject() : identity.getPrincipal().getName();
        return new Caller(userId, displayName(userId), Set.copyOf(identity.getRoles()),
                jwt.getRawToken() == null ? null : "Bearer " + jwt.getRawToken(),
                RequestIds.acceptOrCreate(headers.getHeaderString(RequestIds.HEADER)));
    }

    private String displayName(String fallback) {
        Object name = jwt.getClaim("name");
        if (name instanceof JsonString json) {
            return json.getString();
        }
        if (name instanceof String text && !text.isBlank()) {
            return text;
        }
        return fallback;
    }
}
