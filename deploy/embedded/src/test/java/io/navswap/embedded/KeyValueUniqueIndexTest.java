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
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Unique indexes answer alike on both backends; on disk they live in {@link KeyValueUniqueIndex} maps. */
class KeyValueUniqueIndexTest {
    private static final int DUPLICATE_KEY = 11000;

    @TempDir
    static Path dir;

    static Stream<Arguments> servers() throws Exception {
        return BothBackends.servers(dir, "unique.db");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void rejectsDuplicatesAndFollowsUpdatesAndDeletes(String backend, EmbeddedMongo server) {
        try (server; MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("unique").getCollection("users");
            users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            users.createIndex(Indexes.ascending("city", "phone"), new IndexOptions().unique(true));
            users.insertMany(List.of(user("u1", "a@navswap.dev", 1), user("u2", "b@navswap.dev", 2)));

            assertDuplicate(() -> users.insertOne(user("u3", "a@navswap.dev", 3)), backend + ": same email");
            assertDuplicate(() -> users.insertOne(user("u1", "z@navswap.dev", 9)), backend + ": same _id");
            assertDuplicate(() -> users.insertOne(user("u3", "c@navswap.dev", 2)), backend + ": same city and phone");
            assertEquals(List.of("u2"), sortedIds(users.find(Filters.eq("email", "b@navswap.dev"))));
            assertEquals(List.of("u1"),
                    sortedIds(users.find(Filters.and(Filters.eq("city", "Pune"), Filters.eq("phone", 1)))));

            users.updateOne(Filters.eq("_id", "u2"), Updates.set("email", "c@navswap.dev"));
            users.insertOne(user("u4", "b@navswap.dev", 4));
            users.deleteOne(Filters.eq("_id", "u1"));
            users.insertOne(user("u5", "a@navswap.dev", 1));
            assertDuplicate(() -> users.insertOne(user("u6", "c@navswap.dev", 6)), backend + ": the updated email");

            assertEquals(List.of("u2", "u4", "u5"), sortedIds(users.find()));
            assertEquals(List.of("u2"), sortedIds(users.find(Filters.eq("email", "c@navswap.dev"))));
            assertEquals(List.of("u5"), sortedIds(users.find(Filters.eq("_id", "u5"))));
        }
    }

    @Test
    void aStoreWrittenByTheLibrarysOwnBackendHasItsUniqueIndexesRebuilt() throws Exception {
        Path file = dir.resolve("library.db");
        MongoServer library = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create("mongodb://" + bind(library))) {
            MongoCollection<Document> users = client.getDatabase("unique").getCollection("users");
            users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            users.insertMany(List.of(user("u1", "a@navswap.dev", 1), user("u2", "b@navswap.dev", 2)));
        } finally {
            library.shutdownNow();
        }

        try (EmbeddedMongo ours = EmbeddedMongo.onDisk(file, FreePorts.any());
                MongoClient client = MongoClients.create(ours.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("unique").getCollection("users");
            assertDuplicate(() -> users.insertOne(user("u3", "b@navswap.dev", 3)), "rebuilt email index");
            assertDuplicate(() -> users.insertOne(user("u2", "c@navswap.dev", 3)), "rebuilt _id index");
            users.insertOne(user("u3", "c@navswap.dev", 3));
            assertEquals(List.of("u1"), sortedIds(users.find(Filters.eq("email", "a@navswap.dev"))));
            assertEquals(List.of("u3"), sortedIds(users.find(Filters.eq("_id", "u3"))));
        }

        Set<String> maps = mapNames(file);
        assertTrue(maps.containsAll(Set.of("unique.users._unique__id_", "unique.users._unique_email_1")),
                maps::toString);
        assertTrue(maps.stream().noneMatch(name -> name.contains("._index_")), "the library's maps are gone: " + maps);
    }

    @Test
    void droppingAUniqueIndexRemovesItsMap() throws Exception {
        Path file = dir.resolve("dropped.db");
        try (EmbeddedMongo ours = EmbeddedMongo.onDisk(file, FreePorts.any());
                MongoClient client = MongoClients.create(ours.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("unique").getCollection("users");
            users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            users.insertOne(user("u1", "a@navswap.dev", 1));
            users.dropIndex("email_1");
            users.insertOne(user("u2", "a@navswap.dev", 2));
        }
        try (EmbeddedMongo again = EmbeddedMongo.onDisk(file, FreePorts.any());
                MongoClient client = MongoClients.create(again.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("unique").getCollection("users");
            users.insertOne(user("u3", "a@navswap.dev", 3));
            assertEquals(List.of("u1", "u2", "u3"), sortedIds(users.find(Filters.eq("email", "a@navswap.dev"))));
        }
        assertFalse(mapNames(file).contains("unique.users._unique_email_1"));
    }

    private static Document user(String id, String email, int phone) {
        return new Document("_id", id).append("email", email).append("city", "Pune").append("phone", phone);
    }

    private static void assertDuplicate(Runnable write, String what) {
        MongoWriteException refused = assertThrows(MongoWriteException.class, write::run, what);
        assertEquals(DUPLICATE_KEY, refused.getError().getCode(), what);
    }

    private static String bind(MongoServer server) {
        int port = FreePorts.any();
        server.bind("127.0.0.1", port);
        return "127.0.0.1:" + port;
    }

    private static Set<String> mapNames(Path file) {
        MVStore store = MVStore.open(file.toString());
        try {
            return store.getMapNames();
        } finally {
            store.close();
        }
    }
}
