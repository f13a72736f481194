package io.navswap.station.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;

/** Recognises the driver's duplicate-key failures (insert of an id that exists). */
public final class MongoErrors {
    private MongoErrors() {
    }

    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            if (t instanceof MongoServerException server && server.getCode() == 11000) {
                return true;
            }
        }
        return false;
    }
}
