package io.navswap.queue.service;

import com.mongodb.client.model.Updates;
import io.navswap.queue.config.QueueConfig;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.domain.ReservationStatus;
import io.navswap.queue.repository.ReservationRepository;
import io.navswap.queue.repository.ReservationRepository.Transition;
import io.navswap.queue.repository.StationSlotRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;

/**
 * Housekeeping that Mongo TTLs cannot do here (PLATFORM-NOTES: TTL indexes are not enforced):
 * <ul>
 * <li>expires reservations never honoured: still waiting (confirmed/approaching/arrived) at
 * {@code expires_at = confirmed_at + estimated wait + hold (30 min)};</li>
 * <li>fails swaps stuck {@code in_progress} longer than {@code in-progress-timeout};</li>
 * <li>gives back slots whose release was lost (crash between a terminal transition and the release, or
 * between taking a slot and inserting the reservation).</li>
 * </ul>
 * Every step is a conditional, idempotent update, so several replicas may run it at once.
 */
@ApplicationScoped
public class ReservationSweeper {
    private static final Logger LOG = Logger.getLogger(ReservationSweeper.class);
    static final int BATCH = 200;
    /** A slot holder without a reservation document is an interrupted confirm once it is this old. */
    static final Duration ORPHAN_GRACE = Duration.ofMinutes(2);

    private final ReservationRepository reservations;
    private final StationSlotRepository slots;
    private final ReservationTransitions transitions;
    private final ReservationEvents events;
    private final QueueConfig config;

    ReservationSweeper(ReservationRepository reservations, StationSlotRepository slots,
            ReservationTransitions transitions, ReservationEvents events, QueueConfig config) {
        this.reservations = reservations;
        this.slots = slots;
        this.transitions = transitions;
        this.events = events;
        this.config = config;
    }

    @Scheduled(every = "${navswap.queue.sweep-interval}", delayed = "${navswap.queue.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Instant now = Instant.now();
        return expireOverdue(now)
                .chain(() -> failStuck(now))
                .chain(() -> reconcileSlots(now))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warn("Reservation sweep failed; the next one retries", failure);
                    return Uni.createFrom().voidItem();
                });
    }

    /** Expires every waiting reservation past its deadline at {@code now}; answers how many moved. */
    public Uni<Integer> expireOverdue(Instant now) {
        return reservations.findOverdueWaiting(now, BATCH).chain(overdue -> each(overdue, r -> transitions.move(r.id,
                (current, at) -> {
                    if (!current.status.isWaiting() || current.expiresAt == null || current.expiresAt.isAfter(now)) {
                        return null;
                    }
                    return new Transition(ReservationStatus.EXPIRED, List.of(),
                            List.of(Updates.set("endReason", "not_honoured_in_time")),
                            List.of(events.changed(current, current.status, ReservationStatus.EXPIRED, null, null, at)));
                }).map(ReservationTransitions.Outcome::moved)));
    }

    /** Fails swaps started more than {@code in-progress-timeout} before {@code now}. */
    public Uni<Integer> failStuck(Instant now) {
        Instant startedBefore = now.minus(config.inProgressTimeout());
        return reservations.findStuckInProgress(startedBefore, BATCH).chain(stuck -> each(stuck, r -> transitions.move(
                r.id, (current, at) -> {
                    if (current.status != ReservationStatus.IN_PROGRESS || current.startedAt == null
                            || current.startedAt.isAfter(startedBefore)) {
                        return null;
                    }
                    return new Transition(ReservationStatus.FAILED, List.of(),
                            List.of(Updates.set("endReason", "swap_not_completed")),
                            List.of(events.changed(current, current.status, ReservationStatus.FAILED, null, null, at)));
                }).map(ReservationTransitions.Outcome::moved)));
    }

    /** Releases slots held by ended reservations, or by interrupted confirms older than the grace period. */
    public Uni<Integer> reconcileSlots(Instant now) {
        return slots.all().chain(all -> each(all.stream().filter(s -> !s.holders().isEmpty()).toList(),
                station -> reservations.findByIdIn(station.holders()).chain(found -> {
                    Map<String, Reservation> byId = found.stream()
                            .collect(Collectors.toMap(r -> r.id, Function.identity()));
                    Set<String> release = new HashSet<>();
                    for (String holder : station.holders()) {
                        Reservation r = byId.get(holder);
                        if (r == null ? isOlderThanGrace(holder, now) : r.status.isTerminal()) {
                            release.add(holder);
                        }
                    }
                    return Multi.createFrom().iterable(release)
                            .onItem().transformToUniAndConcatenate(id -> transitions.releaseSlot(station.stationId(), id)
                                    .invoke(() -> LOG.infof("Released lost slot of %s at %s", id, station.stationId())))
                            .collect().asList().map(List::size);
                }).map(released -> released > 0)));
    }

    private static boolean isOlderThanGrace(String reservationId, Instant now) {
        String hex = reservationId.startsWith("rsv-") ? reservationId.substring(4) : reservationId;
        if (!ObjectId.isValid(hex)) {
            return true;
        }
        return new ObjectId(hex).getDate().toInstant().isBefore(now.minus(ORPHAN_GRACE));
    }

    private static <T> Uni<Integer> each(List<T> items, Function<T, Uni<Boolean>> action) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> action.apply(item).onFailure().recoverWithItem(failure -> {
                    LOG.warnf(failure, "Sweep step failed for %s", item);
                    return false;
                }))
                .collect().with(Collectors.summingInt(moved -> moved ? 1 : 0));
    }
}
