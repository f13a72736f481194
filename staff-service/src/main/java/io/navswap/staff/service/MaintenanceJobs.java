package io.navswap.staff.service;

import io.navswap.messaging.PeriodicTasks;
import io.navswap.staff.config.StaffConfig;
import io.navswap.staff.repository.AssignmentRepository;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/**
 * Periodic housekeeping (shared {@link PeriodicTasks}; every replica may run them, both are idempotent
 * conditional updates): mark finished assignments and diversions {@code completed} for history, and give unresolved
 * faults their level-3 ticket. On-duty answers never depend on the first: they filter by time.
 */
@ApplicationScoped
public class MaintenanceJobs {
    private final AssignmentRepository assignments;
    private final FaultEscalationService faults;
    private final StaffConfig config;
    private final Clock clock;
    private final PeriodicTasks tasks;

    MaintenanceJobs(AssignmentRepository assignments, FaultEscalationService faults, StaffConfig config, Clock clock,
            PeriodicTasks tasks) {
        this.assignments = assignments;
        this.faults = faults;
        this.config = config;
        this.clock = clock;
        this.tasks = tasks;
    }

    void start(@Observes StartupEvent start) {
        tasks.every("assignment-completion", config.assignments().completionInterval(),
                this::completeFinishedAssignments);
        tasks.every("unresolved-fault-escalation", config.faults().escalationInterval(), faults::escalateUnresolved);
    }

    /** Marks every assignment whose window has passed as completed; answers how many. */
    public Uni<Long> completeFinishedAssignments() {
        return assignments.completeFinished(Times.now(clock));
    }
}
