package io.navswap.messaging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;

/**
 * Recognises the duplicate-key refusal (E11000) that unique indexes and {@code _id}s give as a concurrency and
 * idempotency guard, however the driver wrapped it (insert, update with upsert, findAndModify, bulk write).
 */
public final class MongoErrors {
    private MongoErrors() {
    }

    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            // A bulk write counts only when every refused write was a duplicate: anything else is a real failure.
            if (t instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null
                    && !bulk.getWriteErrors().isEmpty() && bulk.getWriteErrors().stream()
                            .allMatch(e -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                return true;
            }
            // Command failures (findAndModify with upsert, say) carry the server's code.
            if (t instanceof MongoServerException server && !(t instanceof MongoWriteException)
                    && !(t instanceof MongoBulkWriteException)
                    && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
