package io.navswap.swap.repository;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.navswap.swap.domain.SwapStatus;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Counts over {@code swaps} for the admin dashboards. Everything is counted by MongoDB ({@code $match} +
 * {@code $group}): no swap document is loaded into this service, however long the history grows.
 */
@ApplicationScoped
public class SwapStatsRepository {
    /** Hour buckets in UTC, e.g. {@code 2026-03-01T10}. */
    public static final String HOUR_FORMAT = "%Y-%m-%dT%H";

    private final SwapRepository swaps;

    SwapStatsRepository(SwapRepository swaps) {
        this.swaps = swaps;
    }

    /** Serves the window queries on a real MongoDB (the embedded server accepts and ignores it). */
    void createIndex(@Observes @Priority(SwapIndexes.STARTUP_PRIORITY + 1) StartupEvent start) {
        swaps.mongoCollection().createIndex(Indexes.ascending("status", "completedAt"),
                new IndexOptions().name("status_completed_at")).await().atMost(Duration.ofSeconds(30));
    }

    public Uni<Long> countStarted() {
        return swaps.mongoCollection().countDocuments(Filters.eq("status", SwapStatus.STARTED.name()));
    }

    public Uni<Long> countCompletedSince(Instant since) {
        return swaps.mongoCollection().countDocuments(completedSince(since));
    }

    /** Completed swaps per UTC hour ({@link #HOUR_FORMAT}) since {@code since}; hours without any are absent. */
    public Uni<Map<String, Long>> completedPerHourSince(Instant since) {
        Document hour = new Document("$dateToString", new Document("format", HOUR_FORMAT).append("date", "$completedAt"));
        return grouped(completedSince(since), hour);
    }

    /** Completed swaps per station since {@code since}; stations without any are absent. */
    public Uni<Map<String, Long>> completedPerStationSince(Instant since) {
        return grouped(completedSince(since), "$stationId");
    }

    /** Swaps at the counter now ({@code started}), per station. */
    public Uni<Map<String, Long>> startedPerStation() {
        return grouped(Filters.eq("status", SwapStatus.STARTED.name()), "$stationId");
    }

    private Uni<Map<String, Long>> grouped(Bson match, Object key) {
        List<Bson> pipeline = List.of(Aggregates.match(match), Aggregates.group(key, Accumulators.sum("n", 1)));
        return swaps.mongoCollection().aggregate(pipeline, Document.class).collect().asList().map(docs -> {
            Map<String, Long> counts = new TreeMap<>();
            for (Document doc : docs) {
                Object id = doc.get("_id");
                if (id != null) {
                    counts.put(id.toString(), ((Number) doc.get("n")).longValue());
                }
            }
            return counts;
        });
    }

    private static Bson completedSince(Instant since) {
        return Filters.and(Filters.eq("status", SwapStatus.COMPLETED.name()), Filters.gte("completedAt", Date.from(since)));
    }
}
