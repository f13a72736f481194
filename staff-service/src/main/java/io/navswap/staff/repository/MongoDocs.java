package io.navswap.staff.repository;

import io.navswap.staff.domain.TicketEvent;
import java.util.Date;
import org.bson.Document;

/** Explicit documents for values pushed into arrays (outbox entries: {@code OutboxEntry.toDocument()}). */
final class MongoDocs {
    private MongoDocs() {
    }

    static Document history(TicketEvent event) {
        return new Document("at", Date.from(event.at))
                .append("action", event.action)
                .append("fromStatus", event.fromStatus)
                .append("toStatus", event.toStatus)
                .append("by", event.by)
                .append("note", event.note);
    }
}
