package io.navswap.embedded;

import static io.navswap.embedded.ServerDocuments.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The non-unique index narrows a query to the documents filed under its pinned values and never leaves out one
 * that matches: checked on the index itself, and through a real driver on both backends against the answers
 * of the same queries on an unindexed copy of the collection.
 */
class SecondaryIndexTest {
    @TempDir
    static Path dir;

    private static SecondaryIndex<Integer> batteriesIndex() {
        SecondaryIndex<Integer> index = new SecondaryIndex<>("place_status", List.of(new IndexKey("locationType", true),
                new IndexKey("locationId", true), new IndexKey("status", true)), false);
        index.add(doc("_id", "b1", "locationType", "STATION", "locationId", "ST-1", "status", "CHARGED"), 1, null);
        index.add(doc("_id", "b2", "locationType", "STATION", "locationId", "ST-1", "status", "CHARGING"), 2, null);
        index.add(doc("_id", "b3", "locationType", "STATION", "locationId", "ST-2", "status", "CHARGED"), 3, null);
        index.add(doc("_id", "b4", "locationType", "RIDER", "locationId", "usr-1", "status", "IN_USE"), 4, null);
        return index;
    }

    private static Set<Integer> positions(SecondaryIndex<Integer> index, de.bwaldvogel.mongo.bson.Document query) {
        Set<Integer> found = new TreeSet<>();
        index.getPositions(query).forEach(found::add);
        return found;
    }

    @Test
    void looksUpTheLongestPinnedPrefixOfItsFields() {
        SecondaryIndex<Integer> index = batteriesIndex();

        assertEquals(Set.of(1, 2, 3), positions(index, doc("locationType", "STATION")));
        assertEquals(Set.of(1, 2), positions(index, doc("locationType", "STATION", "locationId", "ST-1",
                "status", doc("$ne", "RETIRED"))), "the operator on status is left to the matcher");
        assertEquals(Set.of(3), positions(index, doc("$and", List.of(doc("locationType", "STATION"),
                doc("locationId", "ST-2"), doc("status", "CHARGED")))), "pinned inside a top-level $and");
        assertEquals(Set.of(1, 2, 3), positions(index, doc("locationType", "STATION", "status", "CHARGED")),
                "status after an unpinned field is not part of the prefix");
        assertEquals(Set.of(), positions(index, doc("locationType", "PARTNER_SHOP")));
    }

    @Test
    void leavesQueriesItCannotNarrowToTheServer() {
        SecondaryIndex<Integer> index = batteriesIndex();

        assertFalse(index.canHandle(doc("locationId", "ST-1")), "the leading field is not pinned");
        assertFalse(index.canHandle(doc("locationType", doc("$in", List.of("STATION", "RIDER")))));
        assertFalse(index.canHandle(doc("locationType", null)), "null also matches a missing field");
        assertFalse(index.canHandle(doc("locationType", List.of("STATION"))), "an array value compares whole arrays");
        assertTrue(index.canHandle(doc("locationType", "STATION")));
        SecondaryIndex<Integer> dotted = new SecondaryIndex<>("event", List.of(new IndexKey("outbox.eventId", true)),
                true);
        assertFalse(dotted.canHandle(doc("outbox.eventId", "evt-1")), "arrays nested in arrays are not filed");
    }

    @Test
    void followsUpdatesAndRemovals() {
        SecondaryIndex<Integer> index = batteriesIndex();
        de.bwaldvogel.mongo.bson.Document before = doc("_id", "b1", "locationType", "STATION", "locationId", "ST-1",
                "status", "CHARGED");
        index.updateInPlace(before, doc("_id", "b1", "locationType", "RIDER", "locationId", "usr-2",
                "status", "IN_USE"), 1, null);

        assertEquals(Set.of(2), positions(index, doc("locationType", "STATION", "locationId", "ST-1")));
        assertEquals(Set.of(1, 4), positions(index, doc("locationType", "RIDER")));
        assertEquals(2, index.remove(doc("_id", "b2", "locationType", "STATION", "locationId", "ST-1",
                "status", "CHARGING")));
        assertEquals(Set.of(), positions(index, doc("locationType", "STATION", "locationId", "ST-1")));
        assertEquals(3, index.getCount());
    }

    @Test
    void filesArraysUnderEachElementAndComparesNumbersByValue() {
        SecondaryIndex<Integer> index = new SecondaryIndex<>("tags", List.of(new IndexKey("tags", true)), false);
        index.add(doc("_id", 1, "tags", List.of("a", "b")), 1, null);
        index.add(doc("_id", 2, "tags", 7), 2, null);
        index.add(doc("_id", 3), 3, null);

        assertEquals(Set.of(1), positions(index, doc("tags", "b")));
        assertEquals(Set.of(2), positions(index, doc("tags", 7.0)), "7 and 7.0 are equal to MongoDB");
        assertEquals(Set.of(2), positions(index, doc("tags", 7L)));
        index.add(doc("_id", 4, "tags", -0.0), 4, null);
        assertEquals(Set.of(4), positions(index, doc("tags", 0)), "-0 is equal to 0");
        assertEquals(3, index.remove(doc("_id", 3)), "a document without the field is still found for removal");
    }

    @Test
    void aSparseIndexOfOneFieldAnswersWhichDocumentsHaveIt() {
        SecondaryIndex<Integer> outbox = new SecondaryIndex<>("outbox_pending",
                List.of(new IndexKey("outbox.eventId", true)), true);
        outbox.add(doc("_id", "r1", "outbox", List.of(doc("eventId", "evt-1"))), 1, null);
        outbox.add(doc("_id", "r2", "outbox", List.of()), 2, null);
        outbox.add(doc("_id", "r3"), 3, null);
        outbox.add(doc("_id", "r4", "outbox", List.of(doc("eventId", null))), 4, null);
        de.bwaldvogel.mongo.bson.Document pending = doc("outbox.eventId", doc("$exists", true));

        assertTrue(outbox.canHandle(pending));
        assertEquals(Set.of(1, 4), positions(outbox, pending), "a null value exists; an empty array has no element");
        assertEquals(Set.of(1, 4), positions(outbox, doc("$and", List.of(doc("stationId", "ST-1"), pending))));
        outbox.updateInPlace(doc("_id", "r1", "outbox", List.of(doc("eventId", "evt-1"))),
                doc("_id", "r1", "outbox", List.of()), 1, null);
        outbox.updateInPlace(doc("_id", "r3"), doc("_id", "r3", "outbox", List.of(doc("eventId", "evt-3"))), 3, null);
        assertEquals(Set.of(3, 4), positions(outbox, pending));
        outbox.remove(doc("_id", "r4", "outbox", List.of(doc("eventId", null))));
        assertEquals(Set.of(3), positions(outbox, pending));

        assertFalse(outbox.canHandle(doc("outbox.eventId", doc("$exists", false))), "absence is not indexed");
        assertFalse(outbox.canHandle(doc("outbox.eventId", doc("$exists", true).append("$ne", "evt-3"))));
        assertFalse(new SecondaryIndex<Integer>("not_sparse", List.of(new IndexKey("outbox.eventId", true)), false)
                .canHandle(pending), "a non-sparse index also files documents without the field");

        SecondaryIndex<Integer> markers = new SecondaryIndex<>("inventory_pending",
                List.of(new IndexKey("inventoryPending.0", true)), true);
        markers.add(doc("_id", "b1", "inventoryPending", List.of("m1", "m2")), 1, null);
        markers.add(doc("_id", "b2", "inventoryPending", List.of()), 2, null);
        markers.add(doc("_id", "b3"), 3, null);
        assertEquals(Set.of(1), positions(markers, doc("inventoryPending.0", doc("$exists", true))),
                "a positional path exists when the array has that element");
    }

    static Stream<Arguments> servers() throws Exception {
        return BothBackends.servers(dir, "secondary.db");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void indexedQueriesAnswerAsAScanWould(String backend, EmbeddedMongo server) {
        try (server; MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("secondary");
            MongoCollection<Document> indexed = database.getCollection("swaps");
            MongoCollection<Document> plain = database.getCollection("swaps_plain");
            indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("startedAt")));
            indexed.createIndex(Indexes.ascending("stationId", "status"));
            for (int i = 0; i < 60; i++) {
                Document swap = new Document("_id", "swp-" + i).append("userId", "usr-" + i % 7)
                        .append("stationId", i % 3 == 0 ? List.of("ST-" + i % 4, "ST-X") : "ST-" + i % 4)
                        .append("status", i % 2 == 0 ? "COMPLETED" : "STARTED").append("startedAt", i);
                indexed.insertOne(swap);
                plain.insertOne(swap);
            }
            for (MongoCollection<Document> swaps : List.of(indexed, plain)) {
                swaps.updateMany(Filters.eq("userId", "usr-3"), Updates.set("userId", "usr-4"));
                swaps.deleteMany(Filters.and(Filters.eq("stationId", "ST-1"), Filters.eq("status", "STARTED")));
                swaps.updateOne(Filters.eq("_id", "swp-2"), Updates.unset("userId"));
                swaps.findOneAndUpdate(Filters.eq("userId", "usr-6"), Updates.set("userId", "usr-0"));
                swaps.replaceOne(Filters.eq("_id", "swp-5"), new Document("userId", "usr-9").append("startedAt", 5));
                swaps.updateOne(new Document("_id", "swp-up").append("userId", "usr-8"), Updates.set("startedAt", 99),
                        new UpdateOptions().upsert(true));
            }

            List<Bson> queries = List.of(
                    Filters.eq("userId", "usr-4"),
                    Filters.eq("userId", "usr-3"),
                    Filters.and(Filters.eq("userId", "usr-5"), Filters.gt("startedAt", 20)),
                    Filters.eq("stationId", "ST-X"),
                    Filters.and(Filters.eq("stationId", "ST-2"), Filters.eq("status", "COMPLETED")),
                    Filters.and(Filters.eq("stationId", "ST-1"), Filters.in("status", List.of("STARTED", "COMPLETED"))),
                    Filters.eq("userId", null),
                    Filters.eq("userId", "usr-0"),
                    Filters.eq("userId", "usr-9"),
                    Filters.eq("userId", "usr-8"));
            for (Bson query : queries) {
                assertEquals(ids(plain.find(query).sort(Sorts.descending("startedAt"))),
                        ids(indexed.find(query).sort(Sorts.descending("startedAt"))), backend + " " + query);
                assertEquals(ids(plain.find(query).limit(2)), ids(indexed.find(query).limit(2)),
                        backend + " unsorted limit " + query);
                assertEquals(count(database, "swaps_plain", query), count(database, "swaps", query),
                        backend + " count " + query);
            }
            assertEquals(13, count(database, "swaps", Filters.eq("userId", "usr-4")),
                    "usr-3's 9 swaps and usr-4's 8, less the 4 at ST-1 deleted");
        }
    }

    static Stream<Arguments> presenceServers() throws Exception {
        return BothBackends.servers(dir, "presence.db");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presenceServers")
    void presenceQueriesAnswerAsAScanWould(String backend, EmbeddedMongo server) {
        try (server; MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("presence");
            MongoCollection<Document> indexed = database.getCollection("batteries");
            MongoCollection<Document> plain = database.getCollection("batteries_plain");
            indexed.createIndex(Indexes.ascending("inventoryPending.0"),
                    new IndexOptions().sparse(true));
            indexed.createIndex(Indexes.ascending("outbox.eventId"),
                    new IndexOptions().sparse(true));
            for (int i = 0; i < 40; i++) {
                Document battery = new Document("_id", "bat-" + i).append("stationId", "ST-" + i % 3)
                        .append("inventoryPending", i % 4 == 0 ? List.of("m-" + i) : List.of());
                if (i % 5 == 0) {
                    battery.append("outbox", List.of(new Document("eventId", "evt-" + i)));
                }
                indexed.insertOne(battery);
                plain.insertOne(battery);
            }
            for (MongoCollection<Document> batteries : List.of(indexed, plain)) {
                batteries.updateOne(Filters.eq("_id", "bat-4"), Updates.pullAll("inventoryPending", List.of("m-4")));
                batteries.updateOne(Filters.eq("_id", "bat-7"), Updates.push("inventoryPending", "m-7"));
                batteries.updateOne(Filters.eq("_id", "bat-10"), Updates.unset("outbox"));
                batteries.updateMany(Filters.eq("stationId", "ST-2"), Updates.push("outbox", new Document("eventId", "e")));
                batteries.deleteOne(Filters.eq("_id", "bat-8"));
            }

            List<Bson> queries = List.of(
                    Filters.exists("inventoryPending.0"),
                    Filters.exists("outbox.eventId"),
                    Filters.and(Filters.eq("stationId", "ST-0"), Filters.exists("outbox.eventId")),
                    Filters.and(Filters.eq("_id", "bat-7"), Filters.exists("inventoryPending.0")));
            for (Bson query : queries) {
                assertEquals(ids(plain.find(query)), ids(indexed.find(query)), backend + " " + query);
                assertEquals(ids(plain.find(query).limit(3)), ids(indexed.find(query).limit(3)),
                        backend + " unsorted limit " + query);
            }
            assertEquals(List.of("bat-0", "bat-12", "bat-16", "bat-20", "bat-24", "bat-28", "bat-32", "bat-36", "bat-7"),
                    BothBackends.sortedIds(indexed.find(Filters.exists("inventoryPending.0"))),
                    "markers of every fourth battery, less bat-4's pulled and bat-8 deleted, plus bat-7's pushed");
        }
    }

    @Test
    void reopenedDiskStoreRebuildsTheIndexFromItsDocuments() throws Exception {
        Path file = dir.resolve("reopened-secondary.db");
        try (EmbeddedMongo first = EmbeddedMongo.onDisk(file, FreePorts.any());
                MongoClient client = MongoClients.create(first.connectionString())) {
            MongoCollection<Document> batteries = client.getDatabase("secondary").getCollection("batteries");
            batteries.createIndex(Indexes.ascending("locationType", "locationId"));
            batteries.insertMany(List.of(
                    new Document("_id", "b1").append("locationType", "STATION").append("locationId", "ST-1"),
                    new Document("_id", "b2").append("locationType", "STATION").append("locationId", "ST-2")));
        }
        try (EmbeddedMongo again = EmbeddedMongo.onDisk(file, FreePorts.any());
                MongoClient client = MongoClients.create(again.connectionString())) {
            MongoCollection<Document> batteries = client.getDatabase("secondary").getCollection("batteries");
            assertEquals(List.of("b2"), ids(batteries.find(Filters.and(Filters.eq("locationType", "STATION"),
                    Filters.eq("locationId", "ST-2")))));
            batteries.insertOne(new Document("_id", "b3").append("locationType", "STATION")
                    .append("locationId", "ST-2"));
            assertEquals(List.of("b2", "b3"), ids(batteries.find(Filters.and(Filters.eq("locationType", "STATION"),
                    Filters.eq("locationId", "ST-2")))).stream().sorted().toList());
        }
    }

    /** The server's count command (the driver's countDocuments aggregates, which reads every document). */
    private static int count(MongoDatabase database, String collection, Bson query) {
        Document command = new Document("count", collection).append("query", query.toBsonDocument());
        return ((Number) database.runCommand(command).get("n")).intValue();
    }

    private static List<String> ids(Iterable<Document> found) {
        List<String> ids = new ArrayList<>();
        found.forEach(doc -> ids.add(doc.getString("_id")));
        return ids;
    }
}
