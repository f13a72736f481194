package io.navswap.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code up}: start the whole suite on this machine and keep it running until Ctrl-C or {@code down}.
 * {@code down}: stop a suite started by {@code up} from the same directory (its pid file), nothing else.
 */
public final class Launcher {
    /** Kept referenced: java.util.logging forgets levels of loggers nobody holds. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache.kafka"), Logger.getLogger("kafka"),
            Logger.getLogger("state.change.logger"), Logger.getLogger("de.bwaldvogel"), Logger.getLogger("org.mongodb"));

    /** Held until the JVM exits; a reference keeps it from being collected and released. */
    private static FileLock dataDirectoryLock;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        // Unconfigured, the JBoss LogManager passes debug records too (the libraries built them for nobody).
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(Console.libraryLog());
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        String command = args.length == 0 ? "up" : args[0];
        Path home = Path.of(System.getProperty("navswap.home", ".")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.fromEnvironment(home);
        switch (command) {
            case "up" -> up(config);
            case "down" -> down(config);
            default -> {
                System.err.println("usage: navswap [up|down]");
                System.exit(2);
            }
        }
    }

    private static void up(StackConfig config) throws Exception {
        Path pidFile = config.dataDir().resolve("navswap.pid");
        Files.createDirectories(config.dataDir());
        if (!holdDataDirectory(config.dataDir())) {
            String pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "still starting";
            Console.warn("A NavSwap suite is already running from " + config.dataDir() + " (pid " + pid
                    + "); stop it with 'deploy/navswap down'");
            System.exit(1);
        }
        Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));
        AtomicReference<Stack> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Console.step("Stopping NavSwap...");
            Stack stack = running.get();
            if (stack != null) {
                stack.close();
            } else {
                // Stopped while starting: no Stack to close yet, but the services and Redis it started must not
                // outlive it.
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            }
            deleteQuietly(pidFile);
            stopped.countDown();
        }, "navswap-stop"));
        Console.step("Starting NavSwap from " + config.home() + " (data in " + config.dataDir() + ")");
        Stack stack = Stack.start(config);
        running.set(stack);
        printWelcome(stack, config);
        stopped.await();
    }

    /**
     * Locks the data directory for as long as this JVM lives (the OS releases the lock however it ends), so a
     * second {@code up} on the same directory is refused even while the first is still starting: two brokers and
     * two Mongo servers on the same files corrupt them before either fails on a taken port.
     */
    private static boolean holdDataDirectory(Path dataDir) throws IOException {
        FileChannel channel = FileChannel.open(dataDir.resolve("navswap.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            return false;
        }
        dataDirectoryLock = lock;
        return true;
    }

    private static void down(StackConfig config) throws IOException, InterruptedException {
        Path pidFile = config.dataDir().resolve("navswap.pid");
        if (!Files.exists(pidFile)) {
            Console.step("No NavSwap suite is running from " + config.home());
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
        if (handle == null || !handle.isAlive()) {
            Console.step("Removing stale pid file (process " + pid + " is gone)");
            deleteQuietly(pidFile);
            return;
        }
        Console.step("Stopping NavSwap (pid " + pid + ")");
        handle.destroy();
        handle.onExit().join();
        Console.step("Stopped");
    }

    private static void printWelcome(Stack stack, StackConfig config) {
        Console.step("");
        Console.step("NavSwap is up. Gateway: " + stack.gatewayUrl());
        Console.step("  API docs:   " + stack.gatewayUrl() + "/docs");
        Console.step("  Health:     " + stack.gatewayUrl() + "/health");
        Console.step("  Demo login: admin1@navswap.dev / Admin#2026 (more in README.md)");
        Console.step("  Logs:       " + config.dataDir().resolve("logs"));
        Console.step("Ctrl-C or 'deploy/navswap down' stops everything this launcher started.");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Console.warn("Could not delete " + file + ": " + e.getMessage());
        }
    }
}
