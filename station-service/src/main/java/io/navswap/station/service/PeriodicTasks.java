package io.navswap.station.service;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Background passes on Vert.x timers; a pass never overlaps its previous run, and failures are logged, not fatal. */
@ApplicationScoped
public class PeriodicTasks {
    private static final Logger LOG = Logger.getLogger(PeriodicTasks.class);

    private final Vertx vertx;
    private final List<Long> timers = new ArrayList<>();

    PeriodicTasks(Vertx vertx) {
        this.vertx = vertx;
    }

    public synchronized void every(String name, Duration interval, Supplier<Uni<?>> pass) {
        if (interval.isZero() || interval.isNegative()) {
            LOG.infof("Periodic task %s disabled", name);
            return;
        }
        AtomicBoolean running = new AtomicBoolean();
        timers.add(vertx.setPeriodic(interval.toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            // Timers fire on the root context; reactive Panache needs a duplicated (per-task) one.
            VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext()).runOnContext(ignored -> {
                Uni<?> run;
                try {
                    run = pass.get();
                } catch (RuntimeException e) {
                    running.set(false);
                    LOG.warnf(e, "Periodic task %s failed", name);
                    return;
                }
                run.subscribe().with(result -> running.set(false), failure -> {
                    running.set(false);
                    LOG.warnf("Periodic task %s failed: %s", name, failure.toString());
                });
            });
        }));
    }

    synchronized void stop(@Observes ShutdownEvent shutdown) {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }
}
