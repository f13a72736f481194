package io.navswap.logistics.service;

import io.navswap.logistics.config.LogisticsConfig;
import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.domain.TransportJob;
import io.navswap.logistics.domain.TransporterSlots;
import io.navswap.logistics.repository.SwapActivityRepository;
import io.navswap.logistics.repository.TransportJobRepository;
import io.navswap.logistics.repository.TransporterSlotRepository;
import io.navswap.messaging.OutboxEntry;
import io.navswap.messaging.OutboxRelay;
import io.navswap.messaging.PeriodicTasks;
import io.navswap.shared.events.EventTypes;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Time-driven job changes, every {@code jobs.sweep-interval}:
 * <ul>
 * <li>an accepted job not picked up within {@code jobs.pickup-timeout} goes back to the market
 * ({@code job.released}) and its transporter's slot is freed;</li>
 * <li>an open job nobody took within {@code jobs.open-ttl} expires ({@code job.expired}), freeing its shortage
 * key so that the next inventory change plans afresh from current stock;</li>
 * <li>a transporter hold whose job no longer says so (a crash between the two writes) is removed;</li>
 * <li>swap activity older than a day is deleted.</li>
 * </ul>
 * Every change is conditional, so several replicas sweeping at once do each thing once.
 */
@ApplicationScoped
public class JobSweeper {
    private static final Logger LOG = Logger.getLogger(JobSweeper.class);
    private static final int BATCH = 200;

    private final TransportJobRepository jobs;
    private final TransporterSlotRepository slots;
    private final SwapActivityRepository swapActivity;
    private final JobEvents events;
    private final OutboxRelay relay;
    private final LogisticsConfig config;
    private final PeriodicTasks tasks;

    JobSweeper(TransportJobRepository jobs, TransporterSlotRepository slots, SwapActivityRepository swapActivity,
            JobEvents events, OutboxRelay relay, LogisticsConfig config, PeriodicTasks tasks) {
        this.jobs = jobs;
        this.slots = slots;
        this.swapActivity = swapActivity;
        this.events = events;
        this.relay = relay;
        this.config = config;
        this.tasks = tasks;
    }

    void start(@Observes StartupEvent start) {
        tasks.every("job-sweep", config.jobs().sweepInterval(), () -> sweep(Instant.now()));
    }

    /** One pass as if the time were {@code now}; answers how many jobs were released and expired. */
    public Uni<Integer> sweep(Instant now) {
        return releaseOverdue(now).chain(released -> expireStale(now).map(expired -> released + expired))
                .call(() -> repairSlots(now))
                .call(() -> swapActivity.deleteBefore(now.minus(Duration.ofDays(1))));
    }

    public Uni<Integer> releaseOverdue(Instant now) {
        Instant cutoff = now.minus(config.jobs().pickupTimeout());
        return jobs.acceptedBefore(cutoff, BATCH).chain(overdue -> each(overdue, job -> {
            OutboxEntry event = events.changed(EventTypes.JOB_RELEASED, job, JobStatus.OPEN, job.transporterId,
                    List.of(), job.credits, now);
            return jobs.release(job.id, job.transporterId, cutoff, now, event).chain(released -> {
                if (released == null) {
                    return Uni.createFrom().item(false);
                }
                LOG.infof("Job %s released: %s did not pick it up within %s", job.id, job.transporterId,
                        config.jobs().pickupTimeout());
                return slots.release(job.transporterId, job.id).replaceWith(true);
            });
        }));
    }

    public Uni<Integer> expireStale(Instant now) {
        Instant cutoff = now.minus(config.jobs().openTtl());
        return jobs.openedBefore(cutoff, BATCH).chain(stale -> each(stale, job -> {
            OutboxEntry event = events.changed(JobEvents.JOB_EXPIRED, job, JobStatus.EXPIRED, null, List.of(),
                    job.credits, now);
            return jobs.expire(job.id, cutoff, now, event).map(expired -> {
                if (expired != null) {
                    LOG.infof("Job %s expired after %s on the market", job.id, config.jobs().openTtl());
                }
                return expired != null;
            });
        }));
    }

    /** Removes holds older than the grace period whose job is not held by that transporter any more. */
    public Uni<Void> repairSlots(Instant now) {
        Instant cutoff = now.minus(config.jobs().holdGrace());
        return slots.withHoldsBefore(cutoff).chain(docs -> Multi.createFrom().iterable(docs)
                .onItem().transformToUniAndConcatenate(doc -> repair(doc, cutoff))
                .collect().last().replaceWithVoid());
    }

    private Uni<Void> repair(TransporterSlots doc, Instant cutoff) {
        return Multi.createFrom().iterable(doc.holds == null ? List.<TransporterSlots.Hold>of() : doc.holds)
                .filter(hold -> hold.since != null && hold.since.isBefore(cutoff))
                .onItem().transformToUniAndConcatenate(hold -> jobs.findById(hold.jobId).chain(job -> {
                    boolean held = job != null && JobStatus.HELD.contains(job.status) && doc.id.equals(job.transporterId);
                    if (held) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("Removing stale hold of %s on %s", doc.id, hold.jobId);
                    return slots.release(doc.id, hold.jobId);
                }))
                .collect().last().replaceWithVoid();
    }

    private Uni<Integer> each(List<TransportJob> found, Function<TransportJob, Uni<Boolean>> action) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(job -> action.apply(job)
                        .onFailure().invoke(e -> LOG.warnf(e, "Sweeping job %s failed", job.id))
                        .onFailure().recoverWithItem(false))
                .filter(Boolean::booleanValue)
                .collect().with(Collectors.counting())
                .map(Long::intValue)
                .invoke(changed -> {
                    if (changed > 0) {
                        relay.scanAll();
                    }
                });
    }
}
