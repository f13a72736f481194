package io.navswap.logistics.repository;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.navswap.logistics.domain.BatteryStatuses;
import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.domain.TransportJob;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads for the admin logistics dashboard. Shortages are selected by MongoDB from the station read model (one
 * document per station); job lists are bounded by {@code limit} and sorted by the database.
 */
@ApplicationScoped
public class LogisticsOverviewRepository {

    /** A station whose charged stock is below the threshold, as the read model knows it. */
    public record Shortage(String stationId, String name, String city, int capacity, int charged, Instant countsAt) {
    }

    private final StationSnapshotRepository stations;
    private final TransportJobRepository jobs;

    LogisticsOverviewRepository(StationSnapshotRepository stations, TransportJobRepository jobs) {
        this.stations = stations;
        this.jobs = jobs;
    }

    /** The list queries below on a real MongoDB (the embedded server accepts and ignores these indexes). */
    void createIndexes(@Observes @Priority(20) StartupEvent start) {
        Uni.join().all(
                        jobs.mongoCollection().createIndex(Indexes.ascending("status", "createdAt"),
                                new IndexOptions().name("status_created_at")),
                        jobs.mongoCollection().createIndex(Indexes.ascending("status", "deliveredAt"),
                                new IndexOptions().name("status_delivered_at")))
                .andFailFast().await().atMost(Duration.ofSeconds(30));
    }

    /**
     * Active stations whose charged count is below {@code lowStockRatio × capacity} (the planner's rule), by id.
     * The comparison is a computed field ({@code $project}), which the embedded server and MongoDB both run.
     */
    public Uni<List<Shortage>> shortages(double lowStockRatio) {
        Document charged = new Document("$ifNull", List.of("$counts." + BatteryStatuses.CHARGED, 0));
        List<Bson> pipeline = List.of(
                Aggregates.match(Filters.and(Filters.ne("active", false), Filters.gt("capacity", 0))),
                Aggregates.project(Projections.fields(
                        Projections.include("name", "city", "capacity", "countsAt"),
                        Projections.computed("charged", charged),
                        Projections.computed("short", new Document("$lt",
                                List.of(charged, new Document("$multiply", List.of("$capacity", lowStockRatio))))))),
                Aggregates.match(Filters.eq("short", true)),
                Aggregates.sort(Sorts.ascending("_id")));
        return stations.mongoCollection().aggregate(pipeline, Document.class)
                .map(doc -> new Shortage(doc.getString("_id"), doc.getString("name"), doc.getString("city"),
                        ((Number) doc.get("capacity")).intValue(), ((Number) doc.get("charged")).intValue(),
                        doc.getDate("countsAt") == null ? null : doc.getDate("countsAt").toInstant()))
                .collect().asList();
    }

    /** Live jobs (open, accepted, picked up) holding one of these open keys. */
    public Uni<List<TransportJob>> liveWithOpenKeys(Collection<String> openKeys) {
        if (openKeys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return jobs.mongoCollection().find(Filters.and(Filters.in("openKey", openKeys),
                Filters.in("status", JobStatus.LIVE.stream().map(Enum::name).toList()))).collect().asList();
    }

    /** Jobs of one status, oldest first (the longest waiting at the top), at most {@code limit}. */
    public Uni<List<TransportJob>> oldestWithStatus(JobStatus status, int limit) {
        return jobs.mongoCollection().find(Filters.eq("status", status.name()),
                new FindOptions().sort(Sorts.ascending("createdAt", "_id")).limit(limit)).collect().asList();
    }

    /** Delivered jobs, latest delivery first, at most {@code limit}. */
    public Uni<List<TransportJob>> latestDeliveries(int limit) {
        return jobs.mongoCollection().find(Filters.eq("status", JobStatus.DELIVERED.name()),
                new FindOptions().sort(Sorts.descending("deliveredAt", "_id")).limit(limit)).collect().asList();
    }

    /** Delivered since {@code since}. */
    public Uni<Long> deliveredSince(Instant since) {
        return jobs.mongoCollection().countDocuments(Filters.and(Filters.eq("status", JobStatus.DELIVERED.name()),
                Filters.gte("deliveredAt", Date.from(since))));
    }
}
