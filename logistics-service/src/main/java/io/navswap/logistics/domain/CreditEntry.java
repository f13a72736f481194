package io.navswap.logistics.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One line of the credits ledger. Entries are only ever inserted; {@link #sourceKey} is unique, so the same
 * source (a delivered job, a completed swap) can never be booked twice, whichever path books it first and
 * however often its event is redelivered.
 */
@MongoEntity(collection = "credits")
public class CreditEntry {
    @BsonId
    public String id;
    public String userId;
    public CreditKind kind;
    public double amount;
    /** {@code job.delivered:<job_id>} or {@code swap.completed:<swap_id>}. */
    public String sourceKey;
    /** The event that carried it, when it came from one. */
    public String sourceEventId;
    public String referenceType;
    public String referenceId;
    public String description;
    public Instant occurredAt;
    public Instant bookedAt;

    public static String jobDeliveredKey(String jobId) {
        return "job.delivered:" + jobId;
    }

    public static String swapCompletedKey(String swapId) {
        return "swap.completed:" + swapId;
    }
}
