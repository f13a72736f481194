package io.navswap.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the stack lives and what it connects to. Every backend is embedded unless its environment
 * variable names a real one.
 */
public record StackConfig(
        Path home,
        Path dataDir,
        int portBase,
        Optional<String> mongoUrl,
        Optional<String> kafkaBootstrapServers,
        Optional<String> redisUrl,
        boolean persistent,
        String serviceJavaOptions,
        Map<String, String> extraServiceEnv) {

    /** Every service JVM: a heap that lets eight JVMs share one machine, the parallel collector's short pauses. */
    private static final String SERVICE_HEAP = "-Xmx320m -XX:+UseParallelGC";
    /**
     * A stack that runs for hours: the full tiered JIT (C2), whose steady state the benchmark budgets are measured
     * at, tuned for sharing the machine's cores (the same flags as {@code deploy/navswap}'s, see deploy/README.md).
     * The JIT compiler threads run at the lowest OS priority (nice 19), so a compilation waits for an idle core
     * instead of taking one from a request; {@code ThreadPriorityPolicy=1} makes the JVM apply thread priorities at
     * all (lowering needs no privilege). The compile thresholds stay the defaults: a tenth of them settled C2
     * sooner on a fast machine but kept it compiling through the measured window on a slower one (README).
     */
    static final String RUN_JAVA_OPTIONS = SERVICE_HEAP + " -XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=19";
    /** A stack that lives for one test suite: C1 only, which settles within the first requests. */
    static final String TEST_JAVA_OPTIONS = SERVICE_HEAP + " -XX:TieredStopAtLevel=1";

    /** The launcher's configuration from the environment (documented in deploy/README.md). */
    public static StackConfig fromEnvironment(Path home) {
        Map<String, String> env = System.getenv();
        Path dataDir = Optional.ofNullable(env.get("NAVSWAP_DATA_DIR")).map(Path::of).orElse(home.resolve(".data"));
        return new StackConfig(home, dataDir,
                Integer.parseInt(env.getOrDefault("NAVSWAP_PORT_BASE", "8080")),
                nonBlank(env.get("MONGODB_URL")),
                nonBlank(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                nonBlank(env.get("REDIS_URL")),
                true,
                env.getOrDefault("NAVSWAP_SERVICE_JAVA_OPTS", RUN_JAVA_OPTIONS),
                Map.of());
    }

    /** A throw-away stack for the end-to-end suite: own data directory, in-memory Mongo, given ports. */
    public static StackConfig forTests(Path home, Path dataDir, int portBase, Map<String, String> extraServiceEnv) {
        return new StackConfig(home, dataDir, portBase, Optional.empty(), Optional.empty(), Optional.empty(), false,
                TEST_JAVA_OPTIONS, extraServiceEnv);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
