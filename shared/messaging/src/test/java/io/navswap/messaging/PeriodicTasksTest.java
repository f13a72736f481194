package io.navswap.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeriodicTasksTest {
    private Vertx vertx;
    private PeriodicTasks tasks;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        tasks = new PeriodicTasks(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        tasks.stop(null);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void passesRunOnDuplicatedContextsAndNeverOverlap() {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        AtomicBoolean allDuplicated = new AtomicBoolean(true);
        tasks.every("slow", Duration.ofMillis(10), () -> {
            if (!VertxContext.isOnDuplicatedContext()) {
                allDuplicated.set(false);
            }
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            return Uni.createFrom().item(runs.incrementAndGet())
                    .onItem().delayIt().by(Duration.ofMillis(60))
                    .invoke(() -> concurrent.decrementAndGet());
        });
        await(() -> runs.get() >= 3);
        assertEquals(1, maxConcurrent.get(), "a tick during a pass must be skipped");
        assertTrue(allDuplicated.get(), "every pass runs on a duplicated context");
    }

    @Test
    void runNowDuringAPassStartsExactlyOneMoreAfterIt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Void> release = new CompletableFuture<>();
        PeriodicTasks.Task task = tasks.task("on-demand", () -> {
            int run = runs.incrementAndGet();
            return run == 1 ? Uni.createFrom().completionStage(release) : Uni.createFrom().voidItem();
        });
        task.runNow();
        await(() -> runs.get() == 1);
        task.runNow();
        task.runNow();
        task.runNow();
        Thread.sleep(100);
        assertEquals(1, runs.get(), "no pass starts while one runs");
        release.complete(null);
        await(() -> runs.get() == 2);
        Thread.sleep(200);
        assertEquals(2, runs.get(), "the requests made during the first pass are served by one more pass");
    }

    @Test
    void aFailedPassIsLoggedWithItsExceptionAndRetriedByTheNextOne() {
        List<Throwable> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue() && record.getThrown() != null) {
                    logged.add(record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(PeriodicTasks.class.getName());
        logger.addHandler(capture);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        tasks.every("flaky", Duration.ofMillis(10), () -> {
            int run = runs.incrementAndGet();
            if (run == 1) {
                throw new IllegalStateException("thrown while building the pass");
            }
            if (run == 2) {
                return Uni.createFrom().failure(new IllegalStateException("failed pass"));
            }
            return Uni.createFrom().item(succeeded.incrementAndGet());
        });
        try {
            await(() -> succeeded.get() >= 1);
            assertEquals(List.of("thrown while building the pass", "failed pass"),
                    logged.stream().map(Throwable::getMessage).toList());
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void shutdownCancelsTheTimersAndStopsOnDemandPasses() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTasks.Task task = tasks.every("ticking", Duration.ofMillis(10),
                () -> Uni.createFrom().item(runs.incrementAndGet()));
        await(() -> runs.get() >= 2);
        tasks.stop(null);
        Thread.sleep(50);
        int afterStop = runs.get();
        task.runNow();
        Thread.sleep(100);
        assertEquals(afterStop, runs.get());
    }

    @Test
    void aZeroIntervalRunsOnlyOnDemand() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTasks.Task task = tasks.every("off", Duration.ZERO, () -> Uni.createFrom().item(runs.incrementAndGet()));
        Thread.sleep(100);
        assertEquals(0, runs.get());
        task.runNow();
        await(() -> runs.get() == 1);
        assertFalse(runs.get() > 1);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
