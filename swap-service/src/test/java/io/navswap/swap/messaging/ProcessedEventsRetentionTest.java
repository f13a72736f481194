package io.navswap.swap.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.navswap.messaging.ProcessedEvents;
import io.navswap.messaging.ProcessedEventsRetention;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The shared retention of applied-event marks, against this service's real {@code processed_events}. */
@QuarkusTest
class ProcessedEventsRetentionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ProcessedEvents processed;

    @Inject
    ProcessedEventsRetention retention;

    @Inject
    ReactiveMongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void marksOlderThanTheRetentionAreForgottenWhileNewerOnesStillStopARedelivery() {
        String consumer = "retention-test-" + System.nanoTime();
        ReactiveMongoCollection<Document> marks = mongo.getDatabase(database).getCollection("processed_events");
        Instant now = Instant.now();
        marks.insertOne(new Document("_id", consumer + ":expired").append("processedAt", now.minus(Duration.ofDays(36))))
                .await().atMost(WAIT);
        marks.insertOne(new Document("_id", consumer + ":inside").append("processedAt", now.minus(Duration.ofDays(34))))
                .await().atMost(WAIT);
        assertTrue(processed.once(consumer, "recent", () -> Uni.createFrom().voidItem()).await().atMost(WAIT));

        long removed = retention.purge().await().atMost(WAIT);

        assertTrue(removed >= 1, "the 36-day-old mark is removed (35 days kept)");
        assertNull(find(marks, consumer + ":expired"));
        assertNotNull(find(marks, consumer + ":inside"), "a mark within the 35 days stays");
        AtomicInteger applied = new AtomicInteger();
        boolean ran = processed.once(consumer, "recent", () -> {
            applied.incrementAndGet();
            return Uni.createFrom().voidItem();
        }).await().atMost(WAIT);
        assertFalse(ran, "a redelivery of a recent event is still skipped");
        assertEquals(0, applied.get());
        assertEquals(0L, retention.purge().await().atMost(WAIT), "nothing left to forget");
    }

    @Test
    void theDeletesByAgeHaveTheirIndex() {
        List<String> names = mongo.getDatabase(database).getCollection("processed_events").listIndexes().collect()
                .asList().await().atMost(WAIT).stream().map(index -> index.getString("name")).toList();
        assertTrue(names.contains("processed_at"), "indexes: " + names);
    }

    private static Document find(ReactiveMongoCollection<Document> marks, String id) {
        return marks.find(Filters.eq("_id", id)).collect().first().await().atMost(WAIT);
    }
}
