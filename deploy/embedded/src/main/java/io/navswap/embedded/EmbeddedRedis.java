package io.navswap.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The machine's own {@code redis-server} on a loopback port, without persistence: Redis holds only
 * rebuildable state in NavSwap.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private final Process process;
    private final int port;

    private EmbeddedRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static EmbeddedRedis start(int port, Path workDir) throws IOException, InterruptedException {
        String binary = locate().orElseThrow(() -> new IllegalStateException(
                "redis-server is not installed: run 'apt-get install -y redis-server' or set REDIS_URL to a running Redis"));
        Files.createDirectories(workDir);
        Process process = new ProcessBuilder(List.of(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", workDir.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("redis.log").toFile())
                .start();
        EmbeddedRedis redis = new EmbeddedRedis(process, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!FreePorts.isListening("127.0.0.1", port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                redis.close();
                throw new IllegalStateException("redis-server did not start on port " + port + "; see "
                        + workDir.resolve("redis.log"));
            }
            Thread.sleep(50);
        }
        return redis;
    }

    static Optional<String> locate() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/usr/local/bin:/usr/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return Optional.of(candidate.getAbsolutePath());
            }
        }
        return Optional.empty();
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
