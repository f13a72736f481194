package io.navswap.queue.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.navswap.messaging.MongoErrors;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-station capacity without transactions (collection {@code station_slots}): one document per station
 * holding the count of live reservations and their ids. Taking a slot is one conditional
 * {@code findOneAndUpdate} ({@code active < capacity} → {@code $inc} + {@code $push}), so concurrent
 * confirms can never push the count past capacity; giving it back is conditional on the id still being
 * a holder, so releasing twice changes nothing. Count and holders change in the same write and cannot
 * drift apart.
 */
@ApplicationScoped
public class StationSlotRepository {
    static final String COLLECTION = "station_slots";

    /** One station's slot document. */
    public record Slots(String stationId, int active, List<String> holders) {
    }

    private final ReactiveMongoClient mongo;
    private final String database;

    StationSlotRepository(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.mongo = mongo;
        this.database = database;
    }

    /**
     * Takes a slot for {@code reservationId}; answers the number of live reservations including it, or
     * empty when the station is full.
     */
    public Uni<Optional<Integer>> acquire(String stationId, String reservationId, int capacity) {
        return take(stationId, reservationId, capacity).chain(taken -> taken.isPresent()
                ? Uni.createFrom().item(taken)
                // Full, or the station's first reservation ever: create the document if missing, then try once more.
                : ensureExists(stationId).chain(() -> take(stationId, reservationId, capacity)));
    }

    private Uni<Optional<Integer>> take(String stationId, String reservationId, int capacity) {
        return collection().findOneAndUpdate(
                and(eq("_id", stationId), lt("active", capacity)),
                Updates.combine(Updates.inc("active", 1), Updates.push("holders", reservationId)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(doc -> Optional.ofNullable(doc).map(d -> d.getInteger("active")));
    }

    /** Gives the slot of {@code reservationId} back; answers whether it was still held. Idempotent. */
    public Uni<Boolean> release(String stationId, String reservationId) {
        return collection().updateOne(
                and(eq("_id", stationId), eq("holders", reservationId)),
                Updates.combine(Updates.inc("active", -1), Updates.pull("holders", reservationId)))
                .map(result -> result.getModifiedCount() == 1);
    }

    public Uni<Integer> active(String stationId) {
        return collection().find(eq("_id", stationId)).collect().first()
                .map(doc -> doc == null ? 0 : doc.getInteger("active", 0));
    }

    public Uni<List<Slots>> all() {
        return collection().find().map(StationSlotRepository::toSlots).collect().asList();
    }

    private Uni<Void> ensureExists(String stationId) {
        return collection().updateOne(eq("_id", stationId),
                Updates.combine(Updates.setOnInsert("active", 0), Updates.setOnInsert("holders", List.of())),
                new UpdateOptions().upsert(true))
                .replaceWithVoid()
                // Two first confirms at a new station may both try to insert; the loser finds the document.
                .onFailure(MongoErrors::isDuplicateKey).recoverWithNull().replaceWithVoid();
    }

    private static Slots toSlots(Document doc) {
        return new Slots(doc.getString("_id"), doc.getInteger("active", 0), doc.getList("holders", String.class, List.of()));
    }

    private ReactiveMongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
