package io.navswap.queue.service;

import io.navswap.shared.security.Roles;
import java.util.Set;

/**
 * Who is asking, captured once at the edge (the JWT subject, its {@code name} claim, roles) together with
 * the headers forwarded on calls made for this request.
 */
public record Caller(String userId, String name, Set<String> roles, String authorization, String requestId) {

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    public boolean isStaff() {
        return is(Roles.STAFF);
    }

    /** Staff, admin and NavSwap services may see every rider of a queue; consumers only themselves. */
    public boolean seesWholeQueues() {
        return isAdmin() || isStaff() || is(Roles.SERVICE);
    }
}
