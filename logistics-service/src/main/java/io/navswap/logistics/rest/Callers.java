package io.navswap.logistics.rest;

import io.navswap.logistics.service.Caller;
import io.navswap.shared.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, for object-level checks in the services. */
@RequestScoped
public class Callers {
    private final JsonWebToken jwt;
    private final SecurityIdentity identity;

    Callers(JsonWebToken jwt, SecurityIdentity identity) {
        this.jwt = jwt;
        this.identity = identity;
    }

    public Caller current() {
        return new Caller(jwt.getSubject(), identity.hasRole(Roles.ADMIN));
    }

    public boolean isService() {
        return identity.hasRole(Roles.SERVICE);
    }
}
