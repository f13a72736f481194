package io.navswap.embedded;

import static io.navswap.embedded.BothBackends.sortedIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written with H2's default types (the library's backend, or ours before BSON) is converted, once. */
class StoreFormatTest {
    @TempDir
    Path dir;

    @Test
    void aStoreOfJavaSerializedDocumentsIsConvertedAndKeepsEveryDocumentAndIndex() throws Exception {
        Path file = dir.resolve("old.db");
        List<Document> written = List.of(
                reservation("rsv-1", "usr-1", 3).append("location", new Document("lat", 18.52).append("lon", 73.85)),
                reservation("rsv-2", "usr-2", 1).append("steps", List.of("confirmed", "approaching")),
                reservation("rsv-3", "usr-3", 7)
                        .append("created_at", Date.from(Instant.ofEpochMilli(1_796_000_000_123L))));
        MongoServer library = new MongoServer(new H2Backend(file.toString()));
        int port = FreePorts.any();
        library.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> reservations = reservations(client);
            reservations.createIndex(Indexes.ascending("user_id"), new IndexOptions().unique(true));
            reservations.insertMany(written);
        } finally {
            library.shutdownNow();
        }

        try (EmbeddedMongo converted = EmbeddedMongo.onDisk(file, FreePorts.any());
                MongoClient client = MongoClients.create(converted.connectionString())) {
            MongoCollection<Document> reservations = reservations(client);
            for (Document document : written) {
                assertEquals(document, reservations.find(Filters.eq("_id", document.get("_id"))).first());
            }
            MongoWriteException duplicate = assertThrows(MongoWriteException.class,
                    () -> reservations.insertOne(reservation("rsv-4", "usr-2", 2)), "the unique index, refilled");
            assertEquals(11000, duplicate.getError().getCode());
            reservations.updateOne(Filters.eq("_id", "rsv-1"), Updates.inc("position", 1));
            reservations.insertOne(reservation("rsv-4", "usr-4", 2));
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.onDisk(file, FreePorts.any());
                MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> reservations = reservations(client);
            assertEquals(List.of("rsv-1", "rsv-2", "rsv-3", "rsv-4"), sortedIds(reservations.find()));
            assertEquals(4, reservations.find(Filters.eq("_id", "rsv-1")).first().getInteger("position"));
            assertThrows(MongoWriteException.class, () -> reservations.insertOne(reservation("rsv-5", "usr-4", 5)));
        }

        MVStore store = MVStore.open(file.toString());
        try {
            assertEquals("usr-3", StoreFormat.documents(store, "format.reservations").get("rsv-3").get("user_id"),
                    "stored as BSON");
            assertTrue(store.getMapNames().stream().noneMatch(name -> name.contains(".converting")),
                    store.getMapNames()::toString);
        } finally {
            store.close();
        }
    }

    @Test
    void convertsOnceAndDropsOnlyTheUniqueIndexMapsItIsTold() {
        Path file = dir.resolve("maps.db");
        MVStore store = MVStore.open(file.toString());
        store.<Object, Object>openMap("databases.format.users").put("u1", ServerDocuments.doc("_id", "u1", "n", 1));
        store.<Object, Object>openMap("format.users._unique_email_1").put(new KeyValue("a@navswap.dev"), "u1");
        store.<String, Object>openMap("meta.format.users").put("datasize", 1);
        store.close();

        store = MVStore.open(file.toString());
        try {
            StoreFormat.convert(store, name -> name.contains("._unique_"));
            assertEquals(ServerDocuments.doc("_id", "u1", "n", 1),
                    StoreFormat.documents(store, "format.users").get("u1"));
            assertFalse(store.hasMap("format.users._unique_email_1"), "refilled by the server from the documents");
            assertEquals(1, store.<String, Object>openMap("meta.format.users").get("datasize"),
                    "other maps as they were");

            StoreFormat.documents(store, "format.users").put("u2", ServerDocuments.doc("_id", "u2"));
            StoreFormat.convert(store, name -> true);
            assertTrue(store.hasMap("meta.format.users"), "a converted store is not converted again");
            assertEquals(2, StoreFormat.documents(store, "format.users").size());
        } finally {
            store.close();
        }
    }

    private static MongoCollection<Document> reservations(MongoClient client) {
        return client.getDatabase("format").getCollection("reservations");
    }

    private static Document reservation(String id, String userId, int position) {
        return new Document("_id", id).append("user_id", userId).append("position", position)
                .append("version", 5L).append("soh_min", 60.5).append("active", true);
    }
}
