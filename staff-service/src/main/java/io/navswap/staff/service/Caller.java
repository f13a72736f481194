package io.navswap.staff.service;

/**
 * Who is calling: the JWT subject, the roles that matter for object-level checks, and the Authorization
 * value to forward on calls made on the caller's behalf.
 */
public record Caller(String id, boolean admin, boolean service, String authorization) {

    public boolean isSelf(String userId) {
        return id != null && id.equals(userId);
    }
}
