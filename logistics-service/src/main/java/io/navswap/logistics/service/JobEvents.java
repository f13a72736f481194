package io.navswap.logistics.service;

import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.domain.TransportJob;
import io.navswap.messaging.OutboxEntry;
import io.navswap.messaging.OutboxEvents;
import io.navswap.shared.events.Subjects;
import io.navswap.shared.events.Topics;
import io.navswap.shared.events.TransportJobChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Builds the {@code job.*} events (navswap.jobs, key {@code job:<id>}, data {@link TransportJobChanged}). */
@ApplicationScoped
public class JobEvents {
    /**
     * An open job nobody took before its time on the market ran out. Informational (no battery moved); kept
     * here rather than in the shared {@code EventTypes} because only logistics emits or reads it.
     */
    public static final String JOB_EXPIRED = "job.expired";

    private final OutboxEvents outbox;

    JobEvents(OutboxEvents outbox) {
        this.outbox = outbox;
    }

    /**
     * The event of {@code job} moving to {@code status}. {@code transporterId} is the transporter concerned
     * (for a release or a cancellation: the one who held the job).
     */
    public OutboxEntry changed(String type, TransportJob job, JobStatus status, String transporterId,
            List<String> batteryIds, double credits, Instant at) {
        List<String> ids = batteryIds == null ? List.of() : List.copyOf(batteryIds);
        int count = ids.isEmpty() ? job.batteryCount : ids.size();
        TransportJobChanged data = new TransportJobChanged(job.id, status.wire(), job.sourceType.wire(), job.sourceId,
                job.destinationType.wire(), job.destinationId, count, ids, transporterId, job.distanceKm, credits, at);
        return outbox.entry(Topics.JOBS, type, Subjects.job(job.id), data);
    }
}
