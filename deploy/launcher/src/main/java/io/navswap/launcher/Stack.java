package io.navswap.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole suite on one machine: backends first, then the seven services as separate JVMs, ready
 * when every service's readiness check passes. Closing it stops exactly what it started.
 */
public final class Stack implements AutoCloseable {
    /** Seven JVMs starting at once on two cores take 30–60 s; the margin covers a cold disk cache. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final StackConfig config;
    private final Backends backends;
    private final Map<String, String> serviceEnv;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private Stack(StackConfig config, Backends backends) {
        this.config = config;
        this.backends = backends;
        this.serviceEnv = environment(config, backends);
    }

    public static Stack start(StackConfig config) throws Exception {
        Stack stack = new Stack(config, Backends.start(config));
        try {
            stack.startServices(ServiceSpec.ALL);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private static Map<String, String> environment(StackConfig config, Backends backends) {
        Map<String, String> env = new HashMap<>();
        env.put("MONGODB_URL", backends.mongoUrl());
        env.put("KAFKA_BOOTSTRAP_SERVERS", backends.kafkaBootstrapServers());
        env.put("REDIS_URL", backends.redisUrl());
        env.put("NAVSWAP_SEED_ENABLED", "true");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (spec.urlVariable() != null) {
                env.put(spec.urlVariable(), "http://127.0.0.1:" + spec.port(config.portBase()));
            }
        }
        env.putAll(config.extraServiceEnv());
        return env;
    }

    private void startServices(List<ServiceSpec> specs) throws Exception {
        List<ServiceProcess> started = new ArrayList<>();
        for (ServiceSpec spec : specs) {
            ServiceProcess process = ServiceProcess.start(spec, spec.port(config.portBase()), config.home(),
                    config.dataDir().resolve("logs"), config.serviceJavaOptions(), serviceEnv);
            services.put(spec.name(), process);
            started.add(process);
        }
        try {
            CompletableFuture.allOf(started.stream()
                    .map(p -> CompletableFuture.runAsync(() -> awaitReady(p)))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void awaitReady(ServiceProcess process) {
        try {
            process.awaitReady(READY_TIMEOUT);
            Console.step(process.spec().name() + " ready at " + process.url());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + process.spec().name(), e);
        }
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + config.portBase();
    }

    public String kafkaBootstrapServers() {
        return backends.kafkaBootstrapServers();
    }

    public String redisUrl() {
        return backends.redisUrl();
    }

    public String mongoUrl() {
        return backends.mongoUrl();
    }

    /** Stops one service (for failure-path tests and rolling restarts). */
    public void stopService(String name) {
        ServiceProcess process = services.remove(name);
        if (process != null) {
            process.stop();
        }
    }

    /** Starts a stopped service again and waits until it is ready. */
    public void startService(String name) throws Exception {
        if (!services.containsKey(name)) {
            startServices(List.of(ServiceSpec.named(name)));
        }
    }

    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        services.clear();
        running.parallelStream().forEach(ServiceProcess::stop);
        backends.close();
    }
}
