package io.navswap.logistics.rest;

import io.navswap.logistics.domain.JobOrigin;
import io.navswap.logistics.domain.JobPriority;
import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.domain.PlaceType;
import io.navswap.logistics.domain.TransportJob;
import java.time.Instant;
import java.util.List;

/** A transport job as clients see it. */
public record JobView(
        String jobId,
        JobStatus status,
        JobOrigin origin,
        JobPriority priority,
        PlaceView source,
        PlaceView destination,
        int batteryCount,
        List<String> batteryIds,
        double distanceKm,
        double credits,
        Double earnedCredits,
        String transporterId,
        String reason,
        String plannedBy,
        String notes,
        String cancelReason,
        int releaseCount,
        Instant createdAt,
        Instant acceptedAt,
        Instant pickedUpAt,
        Instant deliveredAt,
        Instant cancelledAt,
        Instant expiredAt,
        Instant updatedAt) {

    public record PlaceView(PlaceType type, String id, String name, double latitude, double longitude) {
    }

    public static JobView of(TransportJob job) {
        return new JobView(job.id, job.status, job.origin, job.priority,
                new PlaceView(job.sourceType, job.sourceId, job.sourceName, job.sourceLatitude, job.sourceLongitude),
                new PlaceView(job.destinationType, job.destinationId, job.destinationName, job.destinationLatitude,
                        job.destinationLongitude),
                job.batteryCount, job.batteryIds == null ? List.of() : job.batteryIds, job.distanceKm, job.credits,
                job.earnedCredits, job.transporterId, job.reason, job.plannedBy, job.notes, job.cancelReason,
                job.releaseCount, job.createdAt, job.acceptedAt, job.pickedUpAt, job.deliveredAt, job.cancelledAt,
                job.expiredAt, job.updatedAt);
    }
}
