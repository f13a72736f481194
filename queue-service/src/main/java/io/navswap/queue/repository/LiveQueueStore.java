package io.navswap.queue.repository;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/**
 * The live queue of each station in Redis: a sorted set of reservation ids scored by confirm time, plus a
 * "synced" marker. A missing marker means Redis lost the data (flush, restart, eviction) or the marker
 * aged out; the caller then rebuilds the set from Mongo, the record.
 */
@ApplicationScoped
public class LiveQueueStore {
    private static final String QUEUE = "navswap:queue:live:";
    private static final String SYNCED = "navswap:queue:live-synced:";

    private final ReactiveSortedSetCommands<String, String> queues;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final Redis client;

    LiveQueueStore(ReactiveRedisDataSource redis) {
        this.queues = redis.sortedSet(String.class);
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.client = redis.getRedis();
    }

    public Uni<Boolean> isSynced(String stationId) {
        return keys.exists(SYNCED + stationId);
    }

    public Uni<Void> markSynced(String stationId, Duration trustFor) {
        return values.setex(SYNCED + stationId, Math.max(1, trustFor.toSeconds()), Instant.now().toString());
    }

    /**
     * Adds a member and reads its 0-based rank, pipelined in one round trip (a confirm's only Redis step).
     * Empty when the station's set is not marked synced: the member is in the set then, but its rank cannot be
     * trusted until the set is rebuilt. Adding before a rebuild is harmless: the reservation is already in Mongo.
     */
    public Uni<OptionalInt> addAndRank(String stationId, String reservationId, Instant confirmedAt) {
        String queue = QUEUE + stationId;
        return client.batch(List.of(
                        Request.cmd(Command.EXISTS).arg(SYNCED + stationId),
                        Request.cmd(Command.ZADD).arg(queue).arg(confirmedAt.toEpochMilli()).arg(reservationId),
                        Request.cmd(Command.ZRANK).arg(queue).arg(reservationId)))
                .map(answers -> {
                    Response rank = answers.get(2);
                    return answers.get(0).toInteger() == 1 && rank != null
                            ? OptionalInt.of(rank.toInteger())
                            : OptionalInt.empty();
                });
    }

    /** Adds (or re-scores) many members in one command; scores are confirm times in epoch milliseconds. */
    public Uni<Void> addAll(String stationId, java.util.Map<String, Double> confirmedAtByReservation) {
        if (confirmedAtByReservation.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return queues.zadd(QUEUE + stationId, confirmedAtByReservation).replaceWithVoid();
    }

    public Uni<Void> remove(String stationId, Collection<String> reservationIds) {
        if (reservationIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return queues.zrem(QUEUE + stationId, reservationIds.toArray(String[]::new)).replaceWithVoid();
    }

    /** Reservation ids in queue order. */
    public Uni<List<String>> ordered(String stationId) {
        return queues.zrange(QUEUE + stationId, 0, -1);
    }
}
