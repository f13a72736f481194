package io.navswap.messaging;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes pending outbox entries in document order, then removes each one from its document.
 * At-least-once: a crash after the send and before the removal publishes the event again, which the
 * consumers' event-id deduplication absorbs.
 *
 * <p>A writer names the document it just wrote ({@link #nudge(ReactiveMongoCollection, Object)}): the relay then
 * reads that one document by id, instead of looking through whole collections. The timed pass looks through every
 * configured collection, for events whose nudge was lost (a crash between the write and the publish). Targeted
 * relays and scans run one after the other, never at once, so one event is not sent twice by two passes.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final String PENDING = "outbox.eventId";

    /**
     * Matches documents whose events the relay has all published: the negation of its own "pending" test. Spelled
     * {@code $nor} rather than {@code {$exists: false}}, which the embedded server answers wrongly on an empty
     * {@code outbox} array.
     */
    public static Bson nothingPending() {
        return Filters.nor(Filters.exists(PENDING));
    }

    /** A document named by its writer. */
    private record Written(String collection, Object id) {
    }

    private final ReactiveMongoClient mongo;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final String database;
    private final PeriodicTasks tasks;
    private final PeriodicTasks.Task pass;
    private final Set<Written> written = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scanDue = new AtomicBoolean(true);

    OutboxRelay(ReactiveMongoClient mongo, @Channel("navswap-outbox") MutinyEmitter<String> emitter,
            OutboxConfig config, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            PeriodicTasks tasks) {
        this.mongo = mongo;
        this.emitter = emitter;
        this.config = config;
        this.database = database;
        this.tasks = tasks;
        this.pass = tasks.task("outbox-relay", this::relayPending);
    }

    void start(@Observes StartupEvent start) {
        List<String> collections = config.collections().orElse(List.of());
        if (collections.isEmpty()) {
            return;
        }
        // The pending-event query must not scan large collections (gps_logs) on a real MongoDB: a sparse
        // index holds only documents with pending events.
        for (String name : collections) {
            mongo.getDatabase(database).getCollection(name)
                    .createIndex(Indexes.ascending(PENDING), new IndexOptions().sparse(true).name("outbox_pending"))
                    .await().indefinitely();
        }
        // A failed pass leaves its events in place; the next scan publishes them.
        tasks.every("outbox-scan", config.interval(), () -> {
            scanAll();
            return Uni.createFrom().voidItem();
        });
    }

    /** Asks for a pass now over the document {@code id} of {@code collection}, right after writing its events. */
    public void nudge(ReactiveMongoCollection<?> collection, Object id) {
        written.add(new Written(collection.getNamespace().getCollectionName(), id));
        pass.runNow();
    }

    /** Asks for a pass now over every configured collection. */
    public void scanAll() {
        scanDue.set(true);
        pass.runNow();
    }

    /** One pass: the documents named since the last one, then every collection if a scan is due. */
    public Uni<Integer> relayPending() {
        List<Written> named = new ArrayList<>(written);
        written.removeAll(named);
        boolean scan = scanDue.getAndSet(false);
        Uni<Integer> targeted = Multi.createFrom().iterable(named)
                .onItem().transformToUniAndConcatenate(this::relayWritten)
                .collect().with(Collectors.summingInt(Integer::intValue));
        if (!scan) {
            return targeted;
        }
        return targeted.chain(sent -> Multi.createFrom().iterable(config.collections().orElse(List.of()))
                .onItem().transformToUniAndConcatenate(this::relayCollection)
                .collect().with(Collectors.summingInt(Integer::intValue))
                .map(scanned -> sent + scanned));
    }

    private Uni<Integer> relayWritten(Written doc) {
        ReactiveMongoCollection<Document> collection = mongo.getDatabase(database).getCollection(doc.collection());
        return relayFound(collection,
                collection.find(Filters.and(Filters.eq("_id", doc.id()), Filters.exists(PENDING))));
    }

    private Uni<Integer> relayCollection(String name) {
        ReactiveMongoCollection<Document> collection = mongo.getDatabase(database).getCollection(name);
        return relayFound(collection, collection.find(Filters.exists(PENDING)).select().first(config.batchSize()));
    }

    private Uni<Integer> relayFound(ReactiveMongoCollection<Document> collection, Multi<Document> found) {
        return found.onItem().transformToUniAndConcatenate(doc -> relayDocument(collection, doc))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> relayDocument(ReactiveMongoCollection<Document> collection, Document doc) {
        List<Document> entries = doc.getList("outbox", Document.class, List.of());
        return Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(entry -> publish(entry)
                        .chain(() -> collection.updateOne(Filters.eq("_id", doc.get("_id")),
                                Updates.pull("outbox", new Document("eventId", entry.getString("eventId")))))
                        .replaceWith(1))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Void> publish(Document entry) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(entry.getString("topic"))
                .withKey(entry.getString("key"))
                .build();
        return emitter.sendMessage(Message.of(entry.getString("payload")).addMetadata(metadata));
    }
}
