package io.navswap.gateway.service;

import io.navswap.gateway.domain.User;
import io.navswap.gateway.repository.UserRepository;
import io.navswap.shared.problem.ProblemException;
import io.navswap.shared.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Sign-up, sign-in and the account lookups of the gateway. */
@ApplicationScoped
public class AccountService {
    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;

    AccountService(UserRepository users, PasswordHasher hasher, TokenIssuer tokens, LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    public record LoginResult(User user, TokenIssuer.IssuedToken token) {
    }

    public record UserPage(List<User> users, long total) {
    }

    /**
     * Creates an account. Riders sign themselves up; every other role is created by an admin, whose
     * identity is only looked at (authenticated) when such a role is asked for.
     */
    public Uni<User> register(String email, String password, String name, String role,
            Supplier<Uni<SecurityIdentity>> caller) {
        String wanted = role == null || role.isBlank() ? Roles.CONSUMER : role;
        if (!Roles.ALL.contains(wanted)) {
            throw ProblemException.badRequest("role must be one of " + String.join(", ", Roles.ALL));
        }
        Uni<Void> allowed = Roles.CONSUMER.equals(wanted) ? Uni.createFrom().voidItem()
                : caller.get().invoke(identity -> {
                    if (identity.isAnonymous() || !identity.hasRole(Roles.ADMIN)) {
                        throw ProblemException.forbidden("Only an admin can create " + wanted + " accounts");
                    }
                }).replaceWithVoid();
        String normalized = User.normalizeEmail(email);
        return allowed
                .chain(() -> hasher.hashAsync(password))
                .chain(hash -> users.insert(new User("usr-" + UUID.randomUUID(), normalized, name.trim(), wanted, hash,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS))))
                .onFailure(UserRepository.EmailTakenException.class)
                .transform(e -> new ProblemException(409, "email-taken", "Email taken",
                        "An account with this email exists already"))
                .invoke(user -> LOG.infof("Registered user %s with role %s", user.id, user.role));
    }

    /**
     * Checks the credentials and issues a token. Unknown email and wrong password give the same answer
     * after the same amount of work, so the answer does not reveal which accounts exist.
     */
    public Uni<LoginResult> login(String email, String password) {
        String normalized = User.normalizeEmail(email);
        return throttle.blockedFor(normalized).chain(blocked -> {
            if (blocked.isPresent()) {
                return Uni.createFrom().failure(new LoginThrottledException(seconds(blocked.get())));
            }
            return users.findByEmail(normalized).chain(user -> hasher
                    .verifyAsync(password, user == null ? null : user.passwordHash)
                    .chain(matches -> {
                        if (!matches) {
                            return throttle.recordFailure(normalized)
                                    .chain(() -> Uni.createFrom().failure(invalidCredentials()));
                        }
                        if (!user.active) {
                            return Uni.createFrom().failure(new ProblemException(403, "account-disabled",
                                    "Account disabled", "This account is disabled; contact an administrator"));
                        }
                        return throttle.reset(normalized)
                                .map(ignored -> new LoginResult(user, tokens.issue(user)));
                    }));
        });
    }

    public Uni<User> byId(String id) {
        return users.findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("User", id));
    }

    public Uni<UserPage> list(String role, int page, int size) {
        return users.page(role, page, size)
                .chain(found -> users.countByRole(role).map(total -> new UserPage(found, total)));
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(401, "invalid-credentials", "Invalid credentials",
                "The email or the password is wrong");
    }

    private static long seconds(Duration left) {
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }
}
