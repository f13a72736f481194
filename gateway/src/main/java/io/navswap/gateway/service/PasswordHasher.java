package io.navswap.gateway.service;

import io.navswap.gateway.config.GatewayConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import org.jboss.logging.Logger;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * bcrypt hashing and verification. Both cost tens of milliseconds of CPU by design, so the reactive
 * variants run on the worker pool and never on an event loop.
 */
@ApplicationScoped
public class PasswordHasher {
    private static final Logger LOG = Logger.getLogger(PasswordHasher.class);
    /** bcrypt reads only the first 72 bytes of a password; longer ones are refused at validation. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();

    private final int cost;
    /** Verified against when the email is unknown, so that both cases take the same time. */
    private final String decoyHash;

    PasswordHasher(GatewayConfig config) {
        this.cost = config.passwords().bcryptCost();
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.decoyHash = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(random), cost);
    }

    /** Blocking: call from a worker thread or at startup. */
    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public Uni<String> hashAsync(String password) {
        return Uni.createFrom().item(() -> hash(password)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * True if {@code password} matches {@code storedHash}. A null hash (unknown user) is checked against a
     * decoy and always answers false.
     */
    public Uni<Boolean> verifyAsync(String password, String storedHash) {
        return Uni.createFrom().item(() -> {
            if (storedHash == null) {
                verify(password, decoyHash);
                return false;
            }
            return verify(password, storedHash);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Blocking verification with WildFly Elytron (constant-time comparison inside). */
    public boolean verify(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            Password decoded = ModularCrypt.decode(storedHash);
            Password restored = factory.translate(decoded);
            return factory.verify(restored, password.toCharArray());
        } catch (InvalidKeySpecException | InvalidKeyException e) {
            LOG.errorf("A stored password hash is not a bcrypt hash (%s); the login is refused", e.getMessage());
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bcrypt verification is unavailable", e);
        }
    }
}
