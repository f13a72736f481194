package io.navswap.swap.service;

import io.navswap.shared.security.Roles;
import java.util.Set;

/**
 * Who is calling, captured once at the resource: the service layer's object-level checks and the outgoing calls
 * (which forward the caller's token and request id) use it further down reactive chains, where request-scoped
 * beans may no longer be reachable.
 */
public record Caller(String userId, Set<String> roles, String authorization, String requestId) {

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean isService() {
        return roles.contains(Roles.SERVICE);
    }

    /** Staff without admin rights: acts only where staff-service says they are on duty. */
    public boolean isStaffOnly() {
        return roles.contains(Roles.STAFF) && !isAdmin();
    }

    public boolean is(String otherUserId) {
        return userId != null && userId.equals(otherUserId);
    }
}
