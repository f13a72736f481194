package io.navswap.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Background passes on Vert.x timers (and on demand), the one way every service runs them:
 * <ul>
 * <li>each pass runs on a new duplicated Vert.x context, like a request or a Kafka record (a timer fires on the
 * root context, where reactive Panache cannot keep its per-task state);</li>
 * <li>a pass never overlaps its previous run: a tick that finds it still running is skipped, a
 * {@link Task#runNow()} during a run starts one more pass after it;</li>
 * <li>a failed pass (a failed Uni, or an exception thrown while building it) is logged with its exception and
 * the next pass tries again;</li>
 * <li>timers are cancelled at shutdown, and no pass starts after it.</li>
 * </ul>
 * Several replicas may run the same task at once, so passes keep their writes conditional.
 */
@ApplicationScoped
public class PeriodicTasks {
    private static final Logger LOG = Logger.getLogger(PeriodicTasks.class);

    private final Vertx vertx;
    private final List<Long> timers = new ArrayList<>();
    private volatile boolean stopped;

    PeriodicTasks(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Runs {@code pass} every {@code interval}, and on {@link Task#runNow()}; a zero or negative interval
     * disables the timer.
     */
    public Task every(String name, Duration interval, Supplier<Uni<?>> pass) {
        return task(name, pass).every(interval);
    }

    /**
     * A task that runs only on {@link Task#runNow()} until {@link Task#every(Duration)} gives it a timer, for
     * work that may be asked for before its timer should start (e.g. during startup).
     */
    public Task task(String name, Supplier<Uni<?>> pass) {
        return new Task(name, pass);
    }

    private synchronized void schedule(Task task, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            LOG.infof("Periodic task %s disabled (interval %s)", task.name, interval);
        } else if (!stopped) {
            timers.add(vertx.setPeriodic(interval.toMillis(), id -> task.tick()));
        }
    }

    synchronized void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }

    /** One registered task. */
    public final class Task {
        private final String name;
        private final Supplier<Uni<?>> pass;
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicBoolean again = new AtomicBoolean();

        private Task(String name, Supplier<Uni<?>> pass) {
            this.name = name;
            this.pass = pass;
        }

        /** Starts the timer: a pass every {@code interval} from now on (call once). */
        public Task every(Duration interval) {
            schedule(this, interval);
            return this;
        }

        /**
         * Asks for a pass now (e.g. right after a write, so its event does not wait for the timer). If a pass is
         * running, one more follows it, so nothing written before this call waits for the next tick.
         */
        public void runNow() {
            // Set before trying to start: a pass finishing meanwhile sees the flag and starts the next one.
            again.set(true);
            tryStart();
        }

        /** A tick that finds the previous pass still running is skipped, not queued. */
        private void tick() {
            tryStart();
        }

        private void tryStart() {
            if (stopped || !running.compareAndSet(false, true)) {
                return;
            }
            // Whoever asked before this point is served by the pass that starts now.
            again.set(false);
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            context.runOnContext(ignored -> {
                Uni<?> run;
                try {
                    run = pass.get();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Periodic task %s failed; the next pass retries", name);
                    finish();
                    return;
                }
                run.subscribe().with(result -> {
                    LOG.debugf("Periodic task %s: %s", name, result);
                    finish();
                }, failure -> {
                    LOG.warnf(failure, "Periodic task %s failed; the next pass retries", name);
                    finish();
                });
            });
        }

        private void finish() {
            running.set(false);
            if (again.get()) {
                tryStart();
            }
        }
    }
}
