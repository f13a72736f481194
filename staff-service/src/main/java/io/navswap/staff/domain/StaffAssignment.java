package io.navswap.staff.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One person at one station for a half-open time window {@code [startsAt, endsAt)}. A diversion is an
 * assignment of kind {@link AssignmentKind#DIVERSION} that overrides the person's regular shift while it
 * lasts: they are on duty at {@link #stationId} and not at {@link #divertedFrom}.
 */
@MongoEntity(collection = "staff_assignments")
public class StaffAssignment {
    @BsonId
    public String id;
    public String staffId;
    public String stationId;
    public Instant startsAt;
    public Instant endsAt;
    public AssignmentKind kind;
    /** Diversions only: the station the person was taken from. */
    public String divertedFrom;
    /** Diversions only: the id shared by everyone moved by one diversion request. */
    public String diversionId;
    public Priority priority;
    public String reason;
    public AssignmentStatus status;
    public String createdBy;
    public Instant createdAt;
    public Instant endedAt;
    public String endedBy;

    public boolean coversInstant(Instant at) {
        return status == AssignmentStatus.ACTIVE && !startsAt.isAfter(at) && endsAt.isAfter(at);
    }
}
