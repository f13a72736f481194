package io.navswap.queue.repository;

import io.navswap.messaging.OutboxEntry;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Outbox entries in the exact shape the relay reads, for {@code $push} in conditional updates. */
final class OutboxDocuments {
    private OutboxDocuments() {
    }

    static List<Document> of(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxDocuments::of).toList();
    }

    static Document of(OutboxEntry entry) {
        return new Document("eventId", entry.eventId)
                .append("topic", entry.topic)
                .append("key", entry.key)
                .append("type", entry.type)
                .append("payload", entry.payload)
                .append("createdAt", Date.from(entry.createdAt));
    }
}
