package io.navswap.station.repository;

import io.navswap.station.domain.StationInventory;
import java.util.Date;
import org.bson.Document;

/** Inventory summaries as BSON for {@code $set} (same field names as {@link StationInventory}). */
final class InventoryDocuments {
    private InventoryDocuments() {
    }

    static Document of(StationInventory inventory) {
        Document counts = new Document();
        inventory.counts.forEach(counts::append);
        return new Document("counts", counts)
                .append("chargedSoh", inventory.chargedSoh)
                .append("total", inventory.total)
                .append("countedAt", inventory.countedAt == null ? null : Date.from(inventory.countedAt));
    }
}
