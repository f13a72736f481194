package io.navswap.gateway.seed;

import io.navswap.gateway.domain.User;
import io.navswap.gateway.repository.UserRepository;
import io.navswap.gateway.service.PasswordHasher;
import io.navswap.shared.seed.SeedCatalog;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the unique email index, then (when {@code navswap.seed.enabled}) the demo users of
 * {@link SeedCatalog}: insert-if-absent by their fixed ids, so a restart changes nothing and a password
 * changed since is kept. One bcrypt hash per role password, shared by that role's demo users, keeps the
 * start fast (4 hashes instead of 98).
 */
@ApplicationScoped
public class UserSeeder {
    private static final Logger LOG = Logger.getLogger(UserSeeder.class);
    private static final Duration STARTUP_BUDGET = Duration.ofSeconds(60);
    /** A fixed creation time keeps the seed deterministic. */
    static final Instant SEEDED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final boolean enabled;

    UserSeeder(UserRepository users, PasswordHasher hasher,
            @ConfigProperty(name = "navswap.seed.enabled", defaultValue = "false") boolean enabled) {
        this.users = users;
        this.hasher = hasher;
        this.enabled = enabled;
    }

    void onStart(@Observes @Priority(10) StartupEvent start) {
        users.ensureIndexes().await().atMost(STARTUP_BUDGET);
        if (enabled) {
            seed();
        }
    }

    /** Blocking; answers how many users were inserted. */
    public int seed() {
        Map<String, String> hashByPassword = new HashMap<>();
        List<User> demo = SeedCatalog.users().stream()
                .map(u -> new User(u.id(), User.normalizeEmail(u.email()), u.name(), u.role(),
                        hashByPassword.computeIfAbsent(u.password(), hasher::hash), SEEDED_AT))
                .toList();
        UserRepository.InsertIfAbsentResult result = users.insertAllIfAbsent(demo).await().atMost(STARTUP_BUDGET);
        result.failures().forEach(failure -> LOG.warnf("Demo user not seeded: %s", failure));
        LOG.infof("Seeded demo users: %d inserted, %d already present, %d failed", result.inserted(),
                demo.size() - result.inserted() - result.failures().size(), result.failures().size());
        return result.inserted();
    }
}
