package io.navswap.embedded;

import static io.navswap.embedded.ServerDocuments.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pipeline that starts with {@code $match} reads what its match selects, only for the command's own collection
 * and only while that command runs; through a real driver its answers equal those over an unindexed copy.
 */
class AggregateInputTest {
    @TempDir
    static Path dir;

    private static Document count() {
        return doc("$group", doc("_id", 1, "n", doc("$sum", 1)));
    }

    /** A collection named {@code db.<name>} that records the queries its input is asked with. */
    @SuppressWarnings("unchecked")
    private static de.bwaldvogel.mongo.MongoCollection<Object> collection(String name, List<Document> asked) {
        return (de.bwaldvogel.mongo.MongoCollection<Object>) Proxy.newProxyInstance(AggregateInputTest.class.getClassLoader(),
                new Class<?>[] {de.bwaldvogel.mongo.MongoCollection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getFullName" -> "db." + name;
                    case "handleQueryAsStream" -> {
                        asked.add((Document) args[0]);
                        yield Stream.empty();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** What the collection's "all documents" read while {@code command} runs: the narrowing query, or "all". */
    private static List<Object> inputDuring(String command, Document query, String collection) {
        List<Document> asked = new ArrayList<>();
        List<Object> reads = new ArrayList<>();
        AggregateInput.handle("db", command, query, () -> {
            AggregateInput.all(collection(collection, asked), () -> {
                reads.add("all");
                return Stream.empty();
            });
            return new Document();
        });
        reads.addAll(asked);
        return reads;
    }

    @Test
    void narrowsOnlyTheCommandsOwnCollectionWhileItRuns() {
        Document match = doc("userId", "usr-1");
        Document aggregate = doc("aggregate", "swaps", "pipeline", List.of(doc("$match", match), count()));

        assertEquals(List.of(match), inputDuring("aggregate", aggregate, "swaps"));
        assertEquals(List.of("all"), inputDuring("aggregate", aggregate, "reservations"), "another collection");
        assertEquals(List.of("all"), inputDuring("find", doc("find", "swaps", "filter", match), "swaps"));
        List<Document> asked = new ArrayList<>();
        List<Object> after = new ArrayList<>();
        AggregateInput.all(collection("swaps", asked), () -> {
            after.add("all");
            return Stream.empty();
        });
        assertEquals(List.of("all"), after, "nothing is left narrowed once the command is over");
    }

    @Test
    void leavesPipelinesThatReadOtherCollectionsOrSelectEverything() {
        Document match = doc("userId", "usr-1");
        assertEquals(match, AggregateInput.leadingMatch(List.of(doc("$match", match), doc("$sort", doc("at", -1)),
                doc("$limit", 5), count())));
        assertNull(AggregateInput.leadingMatch(List.of(doc("$match", match),
                doc("$lookup", doc("from", "swaps", "localField", "userId", "foreignField", "userId", "as", "all")))),
                "a $lookup reads a collection, maybe the same one, by itself");
        assertNull(AggregateInput.leadingMatch(List.of(doc("$match", match), doc("$out", "copy"))));
        assertNull(AggregateInput.leadingMatch(List.of(count(), doc("$match", doc("n", 2)))), "no leading match");
        assertNull(AggregateInput.leadingMatch(List.of(doc("$match", new Document()), count())), "selects everything");
        assertNull(AggregateInput.leadingMatch(List.of()));
    }

    static Stream<Arguments> servers() throws Exception {
        return BothBackends.servers(dir, "aggregate.db");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void indexedPipelinesAnswerAsAScanWould(String backend, EmbeddedMongo server) {
        try (server; MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("aggregate");
            MongoCollection<org.bson.Document> indexed = database.getCollection("swaps");
            MongoCollection<org.bson.Document> plain = database.getCollection("swaps_plain");
            indexed.createIndex(Indexes.ascending("userId", "startedAt"));
            indexed.createIndex(Indexes.ascending("stationId", "status"));
            for (int i = 0; i < 50; i++) {
                org.bson.Document swap = new org.bson.Document("_id", "swp-" + i).append("userId", "usr-" + i % 6)
                        .append("stationId", "ST-" + i % 4).append("status", i % 3 == 0 ? "STARTED" : "COMPLETED")
                        .append("startedAt", i);
                indexed.insertOne(swap);
                plain.insertOne(swap);
            }

            List<Bson> filters = List.of(Filters.eq("userId", "usr-2"), Filters.eq("userId", "usr-9"),
                    Filters.and(Filters.eq("stationId", "ST-1"), Filters.eq("status", "STARTED")),
                    Filters.and(Filters.eq("userId", "usr-3"), Filters.gte("startedAt", 20)), Filters.gte("startedAt", 45),
                    new org.bson.Document());
            for (Bson filter : filters) {
                assertEquals(plain.countDocuments(filter), indexed.countDocuments(filter), backend + " count " + filter);
                List<Bson> perStation = List.of(Aggregates.match(filter),
                        Aggregates.group("$stationId", Accumulators.sum("n", 1)), Aggregates.sort(Indexes.ascending("_id")));
                assertEquals(plain.aggregate(perStation).into(new ArrayList<>()),
                        indexed.aggregate(perStation).into(new ArrayList<>()), backend + " per station " + filter);
            }
            assertEquals(8, indexed.countDocuments(Filters.eq("userId", "usr-2")), "swaps 2, 8, ..., 44");
            List<Bson> selfJoin = List.of(Aggregates.match(Filters.eq("userId", "usr-1")),
                    Aggregates.lookup("swaps", "stationId", "stationId", "sameStation"),
                    Aggregates.sort(Indexes.ascending("startedAt")));
            List<Integer> joined = new ArrayList<>();
            indexed.aggregate(selfJoin).forEach(doc -> joined.add(doc.getList("sameStation", Object.class).size()));
            assertEquals(List.of(13, 12, 13, 12, 13, 12, 13, 12, 13), joined,
                    "a self-join still reads the whole collection for its lookup");
        }
    }
}
