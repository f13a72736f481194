package io.navswap.staff.domain;

import io.navswap.messaging.OutboxEntry;
import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A battery fault as it climbs the three levels. Level 1 arrives as {@code fault.recorded} (the
 * battery is already quarantined by station-service); level 2 adds {@link #diagnosis}; level 3 links
 * the fault to a ticket. Collection {@code faults}; id = the fault id of the event.
 */
@MongoEntity(collection = "faults")
public class Fault {
    @BsonId
    public String id;
    /** Envelope id of the {@code fault.recorded} event (unique): a redelivery finds this document. */
    public String eventId;
    public String batteryId;
    public String stationId;
    public int level;
    public FaultStatus status;
    public String reason;
    public Double soh;
    public Integer cycles;
    public Double temperatureC;
    /** When the fault happened (event time). */
    public Instant recordedAt;
    /** When staff-service received it. */
    public Instant receivedAt;
    public FaultScreening screening;
    public Diagnosis diagnosis;
    public String ticketId;
    public Instant ticketedAt;
    public List<OutboxEntry> outbox = new ArrayList<>();
}
