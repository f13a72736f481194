package io.navswap.queue.domain;

import io.navswap.messaging.OutboxEntry;
import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/** One GPS fix of a rider (collection {@code gps_logs}); its {@code location.updated} event rides in {@link #outbox}. */
@MongoEntity(collection = "gps_logs")
public class GpsLog {
    @BsonId
    public String id;
    public String userId;
    public double latitude;
    public double longitude;
    public Double accuracy;
    public Double speed;
    public Double heading;
    public Instant recordedAt;
    public String reservationId;
    public Double distanceMeters;
    public List<OutboxEntry> outbox = new ArrayList<>();
}
