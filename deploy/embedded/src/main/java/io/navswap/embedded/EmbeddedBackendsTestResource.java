package io.navswap.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one set of real backends every service's {@code @QuarkusTest}s share. Registered through
 * {@code META-INF/services}, so a module only needs this jar on its test classpath. The backends are
 * started once per JVM, however often Quarkus restarts the application for a test profile.
 */
public class EmbeddedBackendsTestResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedBackends backends;

    @Override
    public synchronized Map<String, String> start() {
        EmbeddedBackends running = shared();
        return Map.of(
                "quarkus.mongodb.connection-string", running.mongoUrl(),
                "kafka.bootstrap.servers", running.kafkaBootstrapServers(),
                "quarkus.redis.hosts", running.redisUrl());
    }

    @Override
    public void stop() {
        // Stopped by the JVM shutdown hook: a later test profile in this JVM reuses them.
    }

    private static synchronized EmbeddedBackends shared() {
        if (backends == null) {
            try {
                Path workDir = Files.createTempDirectory("navswap-test-backends");
                backends = EmbeddedBackends.forTests(workDir);
                Runtime.getRuntime().addShutdownHook(new Thread(backends::close, "navswap-test-backends-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the embedded test backends", e);
            }
        }
        return backends;
    }
}
