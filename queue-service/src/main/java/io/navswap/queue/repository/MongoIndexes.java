package io.navswap.queue.repository;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the indexes before the first request. The sparse unique index on {@code queues.activeUser} is a
 * correctness guard (one live reservation per user); the others serve the hot queries on a real MongoDB
 * (the embedded server accepts but ignores non-unique indexes).
 */
@Singleton
public class MongoIndexes {
    private final ReactiveMongoClient mongo;
    private final String database;

    MongoIndexes(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.mongo = mongo;
        this.database = database;
    }

    void create(@Observes @Priority(1) StartupEvent start) {
        ReactiveMongoDatabase db = mongo.getDatabase(database);
        Uni.join().all(
                db.getCollection("queues").createIndex(Indexes.ascending("activeUser"),
                        new IndexOptions().name("one_live_reservation_per_user").unique(true).sparse(true)),
                db.getCollection("queues").createIndex(Indexes.ascending("stationId", "status", "confirmedAt"),
                        new IndexOptions().name("station_status_confirmed")),
                db.getCollection("queues").createIndex(Indexes.ascending("status", "expiresAt"),
                        new IndexOptions().name("status_expires")),
                db.getCollection("qr_tokens").createIndex(Indexes.ascending("reservationId"),
                        new IndexOptions().name("reservation")),
                // HistoryRetention's hourly deletes by age: without these a real MongoDB scans both collections.
                db.getCollection("qr_tokens").createIndex(Indexes.ascending("expiresAt"),
                        new IndexOptions().name("expires")),
                db.getCollection("gps_logs").createIndex(Indexes.ascending("recordedAt"),
                        new IndexOptions().name("recorded")),
                db.getCollection("gps_logs").createIndex(Indexes.compoundIndex(Indexes.ascending("userId"),
                        Indexes.descending("recordedAt")), new IndexOptions().name("user_recorded")))
                .andFailFast()
                .await().atMost(Duration.ofSeconds(30));
    }
}
