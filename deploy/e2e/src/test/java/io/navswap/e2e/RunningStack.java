package io.navswap.e2e;

import io.navswap.embedded.FreePorts;
import io.navswap.launcher.ServiceSpec;
import io.navswap.launcher.Stack;
import io.navswap.launcher.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real stack, started once per test JVM with the same launcher code as {@code deploy/navswap up}:
 * embedded Kafka, Mongo wire server and Redis, and the seven packaged services as separate processes.
 */
final class RunningStack {
    private static Stack stack;

    private RunningStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            try {
                Path home = Path.of(System.getProperty("navswap.home", "../..")).toAbsolutePath().normalize();
                Path dataDir = Files.createTempDirectory("navswap-e2e");
                stack = Stack.start(StackConfig.forTests(home, dataDir, freePortBase(), Map.of()));
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "navswap-e2e-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("The end-to-end stack did not start", e);
            }
        }
        return stack;
    }

    /**
     * Seven consecutive free ports, so a suite already running on 8080 is left alone. Drawn below Linux'
     * ephemeral range (32768+), where the embedded backends and every outgoing connection take theirs.
     */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(10_000, 32_000);
            if (ServiceSpec.ALL.stream().noneMatch(s -> FreePorts.isListening("127.0.0.1", s.port(base)))) {
                return base;
            }
        }
        throw new IllegalStateException("No block of seven free ports found");
    }
}
