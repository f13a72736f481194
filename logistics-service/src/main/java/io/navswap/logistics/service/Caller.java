package io.navswap.logistics.service;

/** Who is calling: the token's subject and whether it carries the admin role. */
public record Caller(String id, boolean admin) {

    public boolean mayActFor(String userId) {
        return admin || id.equals(userId);
    }
}
