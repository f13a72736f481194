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
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes pending outbox entries in document order, then removes each one from its document.
 * At-least-once: a crash after the send and before the removal publishes the event again, which the
 * consumers' event-id deduplication absorbs.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final String PENDING = "outbox.eventId";

    private final ReactiveMongoClient mongo;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final String database;
    private final PeriodicTasks.Task pass;

    OutboxRelay(ReactiveMongoClient mongo, @Channel("navswap-outbox") MutinyEmitter<String> emitter,
            OutboxConfig config, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            PeriodicTasks tasks) {
        this.mongo = mongo;
        this.emitter = emitter;
        this.config = config;
        this.database = database;
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
        // A failed pass leaves its events in place; the next one publishes them.
        pass.every(config.interval());
    }

    /** Asks for a pass now, e.g. right after a write, so events do not wait for the timer. */
    public void nudge() {
        pass.runNow();
    }

    /** One pass over every configured collection; answers how many events were published. */
    public Uni<Integer> relayPending() {
        return Multi.createFrom().iterable(config.collections().orElse(List.of()))
                .onItem().transformToUniAndConcatenate(this::relayCollection)
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> relayCollection(String name) {
        ReactiveMongoCollection<Document> collection = mongo.getDatabase(database).getCollection(name);
        return collection.find(Filters.exists(PENDING))
                .select().first(config.batchSize())
                .onItem().transformToUniAndConcatenate(doc -> relayDocument(collection, doc))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> relayDocument(ReactiveMongoCollection<Document> collection, Document doc) {
        List<Document> entries = doc.getList("outbox", Document.class, List.of());
        return Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(entry -> publish(entry)
                        .chain(() -> collection.updateOne(Filters.eq("_id", doc.get("_id")),
                                Updates.pull("outbox", new Document("eventId", entry.getString("eventId")))))
                        .replaceWith(1))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private Uni<Void> publish(Document entry) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(entry.getString("topic"))
                .withKey(entry.getString("key"))
                .build();
        return emitter.sendMessage(Message.of(entry.getString("payload")).addMetadata(metadata));
    }
}
