package io.navswap.staff.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import io.navswap.messaging.OutboxEntry;
import io.navswap.staff.domain.TicketEvent;
import java.util.Date;
import org.bson.Document;

/** Explicit documents for values pushed into arrays, so the field names the outbox relay reads never drift. */
final class MongoDocs {
    private MongoDocs() {
    }

    static Document outbox(OutboxEntry entry) {
        return new Document("eventId", entry.eventId)
                .append("topic", entry.topic)
                .append("key", entry.key)
                .append("type", entry.type)
                .append("payload", entry.payload)
                .append("createdAt", Date.from(entry.createdAt));
    }

    static Document history(TicketEvent event) {
        return new Document("at", Date.from(event.at))
                .append("action", event.action)
                .append("fromStatus", event.fromStatus)
                .append("toStatus", event.toStatus)
                .append("by", event.by)
                .append("note", event.note);
    }

    static boolean isDuplicateKey(Throwable failure) {
        if (failure instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (failure instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                    .anyMatch(e -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return false;
    }
}
