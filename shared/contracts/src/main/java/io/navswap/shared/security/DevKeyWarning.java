package io.navswap.shared.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says loudly when a service verifies tokens with the repository's dev-only keys. */
@Singleton
public class DevKeyWarning {
    private static final Logger LOG = Logger.getLogger(DevKeyWarning.class);

    void check(@Observes StartupEvent start,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") String publicKeys) {
        if (publicKeys.startsWith("dev-keys/")) {
            LOG.warn("Verifying JWTs with the DEV-ONLY keys bundled in the repository; set "
                    + "NAVSWAP_JWT_PUBLIC_KEYS_LOCATION (and the private key locations) outside a laptop or CI");
        }
    }
}
