package io.navswap.staff.rest;

import io.navswap.shared.security.Roles;
import io.navswap.staff.service.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds the {@link Caller} of the current request from its verified token. */
@ApplicationScoped
public class Callers {
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    Callers(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    public Caller current() {
        String raw = jwt.getRawToken();
        return new Caller(jwt.getSubject(), identity.hasRole(Roles.ADMIN), identity.hasRole(Roles.SERVICE),
                raw == null ? null : "Bearer " + raw);
    }
}
