package io.navswap.embedded;

import static io.navswap.embedded.BothBackends.sortedIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Queries that pin {@code _id} answer exactly as a scan would, on both backends, through a real driver. */
class IdLookupBackendsTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> servers() throws Exception {
        return BothBackends.servers(dir, "mongo.db");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void pinnedQueriesMatchOnlyThatDocumentAndTheRestOfTheQueryStillHolds(String backend, EmbeddedMongo server) {
        try (server; MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> swaps = client.getDatabase("pinned").getCollection("swaps");
            swaps.insertMany(List.of(
                    new Document("_id", "swp-1").append("status", "STARTED").append("version", 1),
                    new Document("_id", "swp-2").append("status", "STARTED").append("version", 1),
                    new Document("_id", "swp-3").append("status", "COMPLETED").append("version", 2)));

            assertEquals(List.of("swp-1"), sortedIds(swaps.find(Filters.and(Filters.eq("_id", "swp-1"),
                    Filters.eq("status", "STARTED")))));
            assertEquals(List.of(), sortedIds(swaps.find(Filters.and(Filters.eq("_id", "swp-3"),
                    Filters.eq("status", "STARTED")))), "the other conditions still decide");
            assertEquals(List.of(), sortedIds(swaps.find(Filters.and(Filters.eq("_id", "swp-9"),
                    Filters.exists("status")))), "an unknown id matches nothing");
            assertEquals(List.of("swp-2"), sortedIds(swaps.find(new Document("_id", "swp-2").append("version", 1))),
                    "pinned at the top level beside other fields");
            assertEquals(List.of("swp-1", "swp-2"), sortedIds(swaps.find(Filters.and(
                    Filters.in("_id", List.of("swp-1", "swp-2", "swp-3")), Filters.eq("status", "STARTED")))),
                    "not pinned to one value: the server plans as before");

            assertEquals(1, swaps.updateOne(Filters.and(Filters.eq("_id", "swp-1"), Filters.eq("version", 1)),
                    Updates.combine(Updates.set("status", "COMPLETED"), Updates.inc("version", 1))).getModifiedCount());
            assertEquals(0, swaps.updateOne(Filters.and(Filters.eq("_id", "swp-1"), Filters.eq("version", 1)),
                    Updates.inc("version", 1)).getModifiedCount(), "a version guard refuses the stale write");

            Document won = swaps.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", "swp-2"), Filters.eq("status", "STARTED")),
                    Updates.set("status", "FAILED"),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            assertEquals("FAILED", won.getString("status"));
            assertNull(swaps.findOneAndUpdate(Filters.and(Filters.eq("_id", "swp-2"), Filters.eq("status", "STARTED")),
                    Updates.set("status", "FAILED")), "only one caller wins the transition");

            assertEquals(1, swaps.countDocuments(Filters.and(Filters.eq("_id", "swp-3"), Filters.eq("version", 2))));
            assertEquals(1, swaps.deleteOne(Filters.and(Filters.eq("_id", "swp-3"), Filters.eq("status", "COMPLETED")))
                    .getDeletedCount());
            assertEquals(List.of("swp-1", "swp-2"), sortedIds(swaps.find()));
        }
    }

    @Test
    void reopenedDiskStoreServesPinnedQueries() throws Exception {
        Path file = dir.resolve("reopened.db");
        int port = FreePorts.any();
        try (EmbeddedMongo first = EmbeddedMongo.onDisk(file, port);
                MongoClient client = MongoClients.create(first.connectionString())) {
            client.getDatabase("pinned").getCollection("queues")
                    .insertOne(new Document("_id", "rsv-1").append("status", "CONFIRMED"));
        }
        try (EmbeddedMongo again = EmbeddedMongo.onDisk(file, FreePorts.any());
                MongoClient client = MongoClients.create(again.connectionString())) {
            MongoCollection<Document> queues = client.getDatabase("pinned").getCollection("queues");
            assertEquals(List.of("rsv-1"), sortedIds(queues.find(Filters.and(Filters.eq("_id", "rsv-1"),
                    Filters.eq("status", "CONFIRMED")))));
        }
    }
}
