package io.navswap.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Lets an aggregation that starts with {@code $match} read only what that match can select, through the same
 * indexes a find uses. mongo-java-server feeds every pipeline the whole collection and filters in its
 * {@code $match} stage; the driver's {@code countDocuments} is such a pipeline ({@code $match}, {@code $group}), so
 * counting one rider's swaps read every swap, and the read grows with every journey.
 *
 * <p>While the server runs an {@code aggregate} command (on the calling thread), the command's collection is told
 * its leading match; the collection answers the pipeline's request for "all documents" with that query instead.
 * The {@code $match} stage still runs, so the answer is the same; only pipelines whose stages read nothing but
 * their input qualify ({@code $lookup}, {@code $unionWith}, {@code $out} and the like read collections by
 * themselves, possibly the same one, and are left alone).
 */
final class AggregateInput {
    private static final Set<String> INPUT_ONLY_STAGES = Set.of("$match", "$group", "$sort", "$project", "$limit",
            "$skip", "$count", "$unwind", "$addFields", "$set", "$unset", "$replaceRoot", "$replaceWith",
            "$sortByCount", "$bucket");
    private static final ThreadLocal<Narrowed> CURRENT = new ThreadLocal<>();

    /** The collection (by full name) whose input is narrowed, and the query narrowing it. */
    private record Narrowed(String collection, Document match) {
    }

    private AggregateInput() {
    }

    /** Runs a database command; an {@code aggregate} command that qualifies runs with its input narrowed. */
    static Document handle(String database, String command, Document query, Supplier<Document> run) {
        Document match = "aggregate".equals(command) && query.get(command) instanceof String
                ? leadingMatch(query.get("pipeline")) : null;
        if (match == null) {
            return run.get();
        }
        CURRENT.set(new Narrowed(database + "." + query.get(command), match));
        try {
            return run.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** A collection's "all documents" for a pipeline: narrowed when an aggregate on it runs on this thread. */
    static Stream<Document> all(MongoCollection<?> collection, Supplier<Stream<Document>> everything) {
        Narrowed narrowed = CURRENT.get();
        if (narrowed == null || !narrowed.collection().equals(collection.getFullName())) {
            return everything.get();
        }
        return collection.handleQueryAsStream(narrowed.match());
    }

    /** The pipeline's first {@code $match}, when it has one that selects and every stage reads only its input. */
    static Document leadingMatch(Object pipeline) {
        if (!(pipeline instanceof List<?> stages) || stages.isEmpty()) {
            return null;
        }
        for (Object stage : stages) {
            if (!(stage instanceof Document step) || step.size() != 1
                    || !INPUT_ONLY_STAGES.contains(step.keySet().iterator().next())) {
                return null;
            }
        }
        Document first = (Document) stages.get(0);
        return first.get("$match") instanceof Document match && !match.isEmpty() ? match : null;
    }
}
