package io.navswap.queue.domain;

import io.navswap.messaging.OutboxEntry;
import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A rider's place in a station's queue (collection {@code queues}). Mongo is the record; Redis only
 * mirrors the live order. Changed exclusively by conditional single-document updates (status +
 * version guard) that carry their event in {@link #outbox}.
 */
@MongoEntity(collection = "queues")
public class Reservation {
    @BsonId
    public String id;
    public String userId;
    /** The JWT {@code name} claim at confirm time, shown to staff at the counter. */
    public String userName;
    public String stationId;
    public String stationName;
    /** Station coordinates copied at confirm, so geofencing needs no call to station-service. */
    public double stationLatitude;
    public double stationLongitude;
    public Double batterySohMin;
    public Double originLatitude;
    public Double originLongitude;

    public ReservationStatus status;
    /** Incremented by every update; the optimistic guard of every transition. */
    public long version;
    /**
     * Equal to {@link #userId} while the reservation is live, removed on the terminal transition. A sparse
     * unique index on it makes "one active reservation per user" hold under concurrency.
     */
    public String activeUser;

    public int positionAtConfirm;
    public int estimatedWaitMinutes;
    public Instant confirmedAt;
    public Instant approachingAt;
    public Instant arrivedAt;
    public Instant startedAt;
    public Instant endedAt;
    /** Not honoured (QR verified) by then → expired by the sweeper. */
    public Instant expiresAt;
    public Instant updatedAt;
    public String endReason;
    public Double lastDistanceMeters;

    /** Nonce of the only QR token that may start this reservation; replaced when a fresh QR is issued. */
    public String qrNonce;
    public String qrKid;
    public Instant qrIssuedAt;
    public Instant qrExpiresAt;
    /** Nonce of the token that started the swap: a second scan of it is "already used". */
    public String usedQrNonce;
    public String swapId;
    public String staffId;

    public List<OutboxEntry> outbox = new ArrayList<>();
}
