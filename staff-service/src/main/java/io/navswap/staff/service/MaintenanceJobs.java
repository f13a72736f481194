package io.navswap.staff.service;

import io.navswap.staff.config.StaffConfig;
import io.navswap.staff.repository.AssignmentRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Periodic housekeeping (Vert.x timers; every replica may run them, both are idempotent conditional
 * updates): mark finished assignments and diversions {@code completed} for history, and give unresolved
 * faults their level-3 ticket. On-duty answers never depend on the first: they filter by time.
 */
@ApplicationScoped
public class MaintenanceJobs {
    private static final Logger LOG = Logger.getLogger(MaintenanceJobs.class);

    private final AssignmentRepository assignments;
    private final FaultEscalationService faults;
    private final StaffConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final List<Long> timers = new ArrayList<>();
    private final AtomicBoolean completing = new AtomicBoolean();
    private final AtomicBoolean escalating = new AtomicBoolean();

    MaintenanceJobs(AssignmentRepository assignments, FaultEscalationService faults, StaffConfig config, Clock clock,
            Vertx vertx) {
        this.assignments = assignments;
        this.faults = faults;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent start) {
        timers.add(vertx.setPeriodic(config.assignments().completionInterval().toMillis(),
                id -> run("assignment completion", completing, this::completeFinishedAssignments)));
        timers.add(vertx.setPeriodic(config.faults().escalationInterval().toMillis(),
                id -> run("unresolved-fault escalation", escalating, faults::escalateUnresolved)));
    }

    void stop(@Observes ShutdownEvent stop) {
        timers.forEach(vertx::cancelTimer);
    }

    /** Marks every assignment whose window has passed as completed; answers how many. */
    public Uni<Long> completeFinishedAssignments() {
        return assignments.completeFinished(Times.now(clock));
    }

    private void run(String name, AtomicBoolean running, Supplier<Uni<?>> job) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        job.get().subscribe().with(result -> {
            running.set(false);
            LOG.debugf("%s: %s", name, result);
        }, failure -> {
            running.set(false);
            LOG.warnf("%s failed; retried at the next tick: %s", name, failure.toString());
        });
    }
}
