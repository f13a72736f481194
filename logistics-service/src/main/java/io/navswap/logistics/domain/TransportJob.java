package io.navswap.logistics.domain;

import io.navswap.messaging.OutboxEntry;
import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A battery-delivery job on the transporter marketplace. Every change is one conditional single-document
 * update that also appends its {@code job.*} event to {@link #outbox}; the relay publishes it from there.
 */
@MongoEntity(collection = "transport_jobs")
public class TransportJob {
    @BsonId
    public String id;
    public JobStatus status;
    public JobOrigin origin;
    public JobPriority priority;

    public PlaceType sourceType;
    public String sourceId;
    public String sourceName;
    public double sourceLatitude;
    public double sourceLongitude;
    public PlaceType destinationType;
    public String destinationId;
    public String destinationName;
    public double destinationLatitude;
    public double destinationLongitude;

    /** Planned at creation; at pickup it becomes the number of batteries actually handed over. */
    public int batteryCount;
    /** Named at pickup (by the transporter's scan or by station-service's list of charged batteries). */
    public List<String> batteryIds = new ArrayList<>();
    /** Straight-line (haversine) distance from source to destination. */
    public double distanceKm;
    /** What the job pays: base + distance_km × battery_count × rate, recomputed when the count changes. */
    public double credits;
    /** Booked in the ledger on delivery. */
    public Double earnedCredits;

    public String transporterId;
    /**
     * {@code shortage:<destination>} or {@code overflow:<source>} while the job is live, absent otherwise
     * (unset, never null). A sparse unique index on it makes "one live job per shortage" hold under
     * concurrency and redelivery.
     */
    public String openKey;

    /** Why the job was created, e.g. "charged 3 of 30 (< 20 %)". */
    public String reason;
    /** Who chose the source: {@code ai:onnx:<version>}, {@code ai:fallback:<version>}, {@code heuristic}, {@code admin}. */
    public String plannedBy;
    public String createdBy;
    public String notes;
    public String cancelReason;
    public int releaseCount;

    public Instant createdAt;
    /** When the job (re)entered the market: creation, or its last release. */
    public Instant openedAt;
    public Instant acceptedAt;
    public Instant pickedUpAt;
    public Instant deliveredAt;
    public Instant cancelledAt;
    public Instant expiredAt;
    public Instant updatedAt;
    public long version;

    public List<OutboxEntry> outbox = new ArrayList<>();

    public Place source() {
        return new Place(sourceType, sourceId, sourceName, sourceLatitude, sourceLongitude);
    }

    public Place destination() {
        return new Place(destinationType, destinationId, destinationName, destinationLatitude, destinationLongitude);
    }
}
