package io.navswap.messaging;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * An event waiting in its aggregate's own document (field {@code outbox}) until the relay has published
 * it. Written in the same single-document update as the change it announces, so neither exists
 * without the other.
 */
public class OutboxEntry {
    public String eventId;
    public String topic;
    public String key;
    public String type;
    /** The whole envelope, serialised once at write time. */
    public String payload;
    public Instant createdAt;

    public OutboxEntry() {
    }

    public OutboxEntry(String eventId, String topic, String key, String type, String payload, Instant createdAt) {
        this.eventId = eventId;
        this.topic = topic;
        this.key = key;
        this.type = type;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    /**
     * This entry as the BSON the relay reads back, for a {@code $push} into {@code outbox} in a conditional update
     * (a persisted entity writes its entries through the POJO codec, with the same field names).
     */
    public Document toDocument() {
        return new Document("eventId", eventId)
                .append("topic", topic)
                .append("key", key)
                .append("type", type)
                .append("payload", payload)
                .append("createdAt", createdAt == null ? null : Date.from(createdAt));
    }
}
