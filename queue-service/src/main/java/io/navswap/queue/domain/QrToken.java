package io.navswap.queue.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Audit record of an issued QR token (collection {@code qr_tokens}), keyed by its nonce. Single use is
 * enforced on the reservation itself (its current and used nonce); this record tells who used which
 * token and when, and which tokens were replaced.
 */
@MongoEntity(collection = "qr_tokens")
public class QrToken {
    @BsonId
    public String id;
    public String reservationId;
    public String userId;
    public String stationId;
    public String kid;
    public Instant issuedAt;
    public Instant expiresAt;
    public Instant usedAt;
    public String usedBy;
    public Instant supersededAt;
}
