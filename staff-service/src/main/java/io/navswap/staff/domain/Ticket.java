package io.navswap.staff.domain;

import io.navswap.messaging.OutboxEntry;
import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Level 3: a human ticket for a battery. Id = its number {@code TCK-YYYYMMDD-NNNN}. At most one active
 * ticket per battery ({@link #activeBatteryKey}, sparse unique) and one ticket per source fault
 * ({@link #sourceFaultId}, unique), so redelivered events and racing escalations cannot duplicate it.
 */
@MongoEntity(collection = "tickets")
public class Ticket {
    @BsonId
    public String id;
    public String number;
    public String batteryId;
    public String stationId;
    public int level = 3;
    public TicketStatus status;
    public Priority priority;
    public String title;
    public String description;
    public String suggestedFix;
    /** The fault that opened the ticket (unique). */
    public String sourceFaultId;
    /** Every fault of the battery handled by this ticket. */
    public List<String> faultIds = new ArrayList<>();
    /** = batteryId while open or in progress, absent afterwards (sparse unique index). */
    public String activeBatteryKey;
    public String assigneeId;
    public String assignmentNote;
    public Instant assignedAt;
    public Instant slaDueAt;
    public Instant openedAt;
    public Instant startedAt;
    public Instant resolvedAt;
    public Instant closedAt;
    public TicketOutcome outcome;
    public String resolutionNotes;
    public String resolvedBy;
    public long version;
    public List<TicketEvent> history = new ArrayList<>();
    public List<OutboxEntry> outbox = new ArrayList<>();
}
