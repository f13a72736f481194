package io.navswap.queue.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;

/** Recognises the duplicate-key refusal (E11000) that our unique indexes use as a concurrency guard. */
public final class MongoErrors {
    private static final int DUPLICATE_KEY = 11000;

    private MongoErrors() {
    }

    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            if (t instanceof MongoCommandException command && command.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
