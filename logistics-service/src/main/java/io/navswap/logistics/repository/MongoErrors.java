package io.navswap.logistics.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import io.navswap.messaging.OutboxEntry;
import java.util.Date;
import org.bson.Document;

/** Small helpers shared by the repositories. */
final class MongoErrors {
    private static final int DUPLICATE_KEY = 11000;

    private MongoErrors() {
    }

    /** True for E11000 however the driver wrapped it (insert, update with upsert, findAndModify). */
    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            if (t instanceof MongoCommandException command && command.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    /** The outbox entry as the relay reads it back (field names of {@link OutboxEntry}). */
    static Document outboxDocument(OutboxEntry entry) {
        return new Document("eventId", entry.eventId)
                .append("topic", entry.topic)
                .append("key", entry.key)
                .append("type", entry.type)
                .append("payload", entry.payload)
                .append("createdAt", Date.from(entry.createdAt));
    }
}
