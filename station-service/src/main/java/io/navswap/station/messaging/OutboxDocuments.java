package io.navswap.station.messaging;

import io.navswap.messaging.OutboxEntry;
import java.util.Date;
import org.bson.Document;

/** Outbox entries as BSON, for {@code $push}es in conditional updates (the relay reads these field names). */
public final class OutboxDocuments {
    private OutboxDocuments() {
    }

    public static Document of(OutboxEntry entry) {
        return new Document("eventId", entry.eventId)
                .append("topic", entry.topic)
                .append("key", entry.key)
                .append("type", entry.type)
                .append("payload", entry.payload)
                .append("createdAt", entry.createdAt == null ? null : Date.from(entry.createdAt));
    }
}
