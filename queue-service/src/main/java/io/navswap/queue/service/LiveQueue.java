package io.navswap.queue.service;

import io.navswap.queue.config.QueueConfig;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.repository.LiveQueueStore;
import io.navswap.queue.repository.ReservationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Each station's live queue, in order of confirmation. Served from Redis; rebuilt from Mongo (the record)
 * whenever Redis has no "synced" marker for the station (flushed, restarted, or the marker aged out). If
 * Redis fails outright the order is read from Mongo directly, so positions stay right either way.
 *
 * <p>Rebuild ordering that keeps it race-free without locks: confirm writes Mongo before Redis, so a
 * member that Mongo does not know is stale; a rebuild adds what Mongo calls live, then re-reads those
 * reservations and removes any that ended in the meantime (their own removal may have run before the add).
 */
@ApplicationScoped
public class LiveQueue {
    private static final Logger LOG = Logger.getLogger(LiveQueue.class);

    private final LiveQueueStore store;
    private final ReservationRepository reservations;
    private final QueueConfig config;

    LiveQueue(LiveQueueStore store, ReservationRepository reservations, QueueConfig config) {
        this.store = store;
        this.reservations = reservations;
        this.config = config;
    }

    /** Live reservation ids of the station, first in line first. */
    public Uni<List<String>> ordered(String stationId) {
        return ensureSynced(stationId)
                .chain(() -> store.ordered(stationId))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "Live queue of %s unavailable in Redis; reading the order from Mongo", stationId);
                    return fromMongo(stationId);
                });
    }

    /** 1-based position of the reservation, or 0 when it is not in the live queue. */
    public Uni<Integer> positionOf(String stationId, String reservationId) {
        return ordered(stationId).map(ids -> position(ids, reservationId));
    }

    /**
     * Adds a new reservation (already in Mongo) and answers its 1-based position: one Redis round trip while the
     * station's queue is in sync, a rebuild first when it is not, Mongo's order when Redis fails.
     */
    public Uni<Integer> addAndLocate(Reservation reservation) {
        String stationId = reservation.stationId;
        return store.addAndRank(stationId, reservation.id, reservation.confirmedAt)
                .chain(rank -> rank.isPresent()
                        ? Uni.createFrom().item(rank.getAsInt() + 1)
                        : rebuild(stationId).chain(() -> store.ordered(stationId))
                                .map(ids -> position(ids, reservation.id)))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "Live queue of %s unavailable in Redis; reading %s's position from Mongo",
                            stationId, reservation.id);
                    return fromMongo(stationId).map(ids -> position(ids, reservation.id));
                });
    }

    public Uni<Void> remove(String stationId, String reservationId) {
        return store.remove(stationId, List.of(reservationId))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "Could not remove %s from the live queue; the next rebuild drops it", reservationId);
                    return Uni.createFrom().voidItem();
                });
    }

    /** Drops members the caller found ended while reading the queue (self-healing on read). */
    public Uni<Void> removeStale(String stationId, Set<String> reservationIds) {
        return store.remove(stationId, reservationIds).onFailure().recoverWithNull().replaceWithVoid();
    }

    Uni<Void> ensureSynced(String stationId) {
        return store.isSynced(stationId).chain(synced -> synced ? Uni.createFrom().voidItem() : rebuild(stationId));
    }

    /** Makes Redis agree with Mongo for one station. Idempotent; safe to run concurrently with writes. */
    public Uni<Void> rebuild(String stationId) {
        return reservations.findLiveByStation(stationId).chain(live -> {
            Set<String> liveIds = live.stream().map(r -> r.id).collect(Collectors.toSet());
            Map<String, Double> scores = live.stream().collect(Collectors.toMap(r -> r.id,
                    r -> (double) r.confirmedAt.toEpochMilli()));
            return store.addAll(stationId, scores)
                    .chain(() -> store.ordered(stationId))
                    .chain(members -> dropEnded(stationId, members.stream()
                            .filter(id -> !liveIds.contains(id)).collect(Collectors.toSet())))
                    .chain(() -> dropEnded(stationId, liveIds))
                    .chain(() -> store.markSynced(stationId, config.cache().liveQueueResync()))
                    .invoke(() -> LOG.debugf("Live queue of %s rebuilt from Mongo: %d reservations", stationId, liveIds.size()));
        });
    }

    /** Removes those of {@code candidates} that Mongo says ended or never existed. */
    private Uni<Void> dropEnded(String stationId, Set<String> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return reservations.findByIdIn(candidates).chain(found -> {
            Map<String, Reservation> byId = found.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
            Set<String> ended = new HashSet<>();
            for (String id : candidates) {
                Reservation r = byId.get(id);
                if (r == null || r.status.isTerminal() || !stationId.equals(r.stationId)) {
                    ended.add(id);
                }
            }
            return store.remove(stationId, ended);
        });
    }

    private static int position(List<String> ordered, String reservationId) {
        return ordered.indexOf(reservationId) + 1;
    }

    private Uni<List<String>> fromMongo(String stationId) {
        return reservations.findLiveByStation(stationId).map(live -> live.stream().map(r -> r.id).toList());
    }
}
