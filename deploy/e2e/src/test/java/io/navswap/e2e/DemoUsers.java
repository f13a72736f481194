package io.navswap.e2e;

import io.navswap.shared.seed.SeedCatalog;

/** Demo logins seeded by the gateway (README lists them). */
final class DemoUsers {
    static final String ADMIN = "admin1@navswap.dev";
    static final String ADMIN_PASSWORD = SeedCatalog.ADMIN_PASSWORD;
    static final String STAFF_PASSWORD = SeedCatalog.STAFF_PASSWORD;
    static final String TRANSPORTER_PASSWORD = SeedCatalog.TRANSPORTER_PASSWORD;
    static final String RIDER_PASSWORD = SeedCatalog.CONSUMER_PASSWORD;

    private DemoUsers() {
    }

    static String rider(int n) {
        return String.format("rider%02d@navswap.dev", n);
    }

    static String staff(int n) {
        return String.format("staff%02d@navswap.dev", n);
    }

    static String transporter(int n) {
        return String.format("transporter%02d@navswap.dev", n);
    }
}
