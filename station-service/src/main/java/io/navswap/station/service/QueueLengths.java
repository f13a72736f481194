package io.navswap.station.service;

import io.navswap.station.repository.StationQueueRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory snapshot of the queue read model for ranking many stations at once. Updated at once by the events
 * this replica applies, and refreshed from Mongo for the events other replicas of the consumer group applied.
 * Endpoints about one station read Mongo instead.
 */
@ApplicationScoped
public class QueueLengths {
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final StationQueueRepository queues;
    private final Map<String, Integer> lengths = new ConcurrentHashMap<>();
    private volatile Instant lastRefresh;

    QueueLengths(StationQueueRepository queues) {
        this.queues = queues;
    }

    public int of(String stationId) {
        return lengths.getOrDefault(stationId, 0);
    }

    public void update(String stationId, int length) {
        lengths.put(stationId, length);
    }

    public Uni<Integer> refresh() {
        Instant started = Instant.now();
        Instant since = lastRefresh == null ? null : lastRefresh.minus(SKEW);
        return queues.lengthsChangedSince(since).map(changed -> {
            lengths.putAll(changed);
            lastRefresh = started;
            return changed.size();
        });
    }
}
