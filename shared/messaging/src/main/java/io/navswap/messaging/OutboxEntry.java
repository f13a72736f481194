package io.navswap.messaging;

import java.time.Instant;

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
}
