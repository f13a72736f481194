package io.navswap.shared.security;

import java.util.Set;

/** The four roles of SPEC.md, carried in the JWT {@code groups} claim. */
public final class Roles {
    public static final String CONSUMER = "consumer";
    public static final String STAFF = "staff";
    public static final String TRANSPORTER = "transporter";
    public static final String ADMIN = "admin";
    /** Another NavSwap service calling on its own behalf (background work, no user in the loop). */
    public static final String SERVICE = "service";

    public static final Set<String> ALL = Set.of(CONSUMER, STAFF, TRANSPORTER, ADMIN);

    private Roles() {
    }
}
