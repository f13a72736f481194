package io.navswap.embedded;

import static io.navswap.embedded.ServerDocuments.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** {@link DocumentType} keeps every value kind the services store, and keeps it smaller than H2's default type. */
class DocumentTypeTest {
    private final DocumentType type = new DocumentType();

    private static List<Document> documents() {
        return List.of(
                doc("_id", "rsv-1", "user_id", "usr-c-001", "status", "CONFIRMED", "position", 3, "version", 7L,
                        "soh_min", 60.5, "priority", true, "cancelled_at", null,
                        "created_at", Instant.ofEpochMilli(1_796_000_000_123L),
                        "location", doc("type", "Point", "coordinates", new ArrayList<>(List.of(73.85, 18.52))),
                        "outbox", new ArrayList<>(List.of(doc("event_id", "e-1", "attempts", 0),
                                doc("event_id", "e-2", "attempts", 2)))),
                doc("_id", new ObjectId("5f1e9a0c2b3d4e5f6a7b8c9d"), "station_id", "ST-PUN-001",
                        "accuracy", 8.0, "tags", new ArrayList<>()),
                doc("_id", 42, "uuid", UUID.fromString("0f4c2a57-1b2e-4f0e-9a55-6f1b7c3e2d10"),
                        "amount", new Decimal128(new BigDecimal("12.50")),
                        "blob", new BinData(new byte[] { 1, 2, 3 }), "empty", new Document()));
    }

    @Test
    void readsBackEveryDocumentItWroteOneAfterAnother() {
        List<Document> documents = documents();
        List<Document> read = DataTypeBytes.readBack(type, documents);
        for (int i = 0; i < documents.size(); i++) {
            assertEquals(documents.get(i), read.get(i));
            assertEquals(List.copyOf(documents.get(i).keySet()), List.copyOf(read.get(i).keySet()), "field order");
        }
    }

    @Test
    void writesFewerBytesThanTheDefaultType() {
        int bson = DataTypeBytes.written(type, documents());
        int serialized = DataTypeBytes.written(new ObjectDataType(), documents());
        assertTrue(bson * 2 < serialized, bson + " bytes against the default type's " + serialized);
    }
}
