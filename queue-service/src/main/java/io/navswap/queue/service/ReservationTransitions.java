package io.navswap.queue.service;

import io.navswap.messaging.OutboxRelay;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.domain.ReservationStatus;
import io.navswap.queue.repository.ReservationRepository;
import io.navswap.queue.repository.ReservationRepository.Transition;
import io.navswap.queue.repository.StationSlotRepository;
import io.navswap.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs every reservation state change the same way: read the document, let the caller's plan decide
 * against that fresh copy, apply the decision as one conditional update (status + version guard, event in
 * the outbox), and on a lost race read again and re-decide. When this process wrote the reservation last, the
 * copy that write answered ({@link ReservationSnapshots}) stands in for the first read: only a successful
 * update, whose guard proves the copy was current, counts; a failed update, a refusal or "nothing to do"
 * decided on the copy is decided again on a fresh read. After a move into a terminal status the
 * station slot is given back and the live queue updated; if the process dies before that, the sweeper's
 * slot reconciliation and the live-queue rebuild repair it.
 */
@ApplicationScoped
public class ReservationTransitions {
    private static final Logger LOG = Logger.getLogger(ReservationTransitions.class);
    static final int ATTEMPTS = 6;

    /** Decides the move for a fresh copy: a transition, {@code null} for "nothing to do", or a thrown problem. */
    @FunctionalInterface
    public interface Plan {
        Transition decide(Reservation current, Instant now);
    }

    /** The reservation as this move wrote it, or as read when there was nothing to do. */
    public record Outcome(Reservation reservation, boolean moved) {
        public ReservationStatus status() {
            return reservation.status;
        }
    }

    private final ReservationRepository reservations;
    private final StationSlotRepository slots;
    private final LiveQueue liveQueue;
    private final OutboxRelay relay;
    private final ReservationSnapshots snapshots;

    ReservationTransitions(ReservationRepository reservations, StationSlotRepository slots, LiveQueue liveQueue,
            OutboxRelay relay, ReservationSnapshots snapshots) {
        this.reservations = reservations;
        this.slots = slots;
        this.liveQueue = liveQueue;
        this.relay = relay;
        this.snapshots = snapshots;
    }

    public Uni<Outcome> move(String reservationId, Plan plan) {
        return move(reservationId, plan, () -> QueueProblems.reservationNotFound(reservationId));
    }

    public Uni<Outcome> move(String reservationId, Plan plan, Supplier<ProblemException> whenMissing) {
        Reservation known = snapshots.take(reservationId);
        if (known == null) {
            return attempt(reservationId, plan, whenMissing, 1);
        }
        Instant now = Instant.now();
        Transition transition;
        try {
            transition = plan.decide(known, now);
        } catch (RuntimeException refusedOnCopy) {
            // The copy may be stale (another replica wrote since): only a fresh read may refuse.
            transition = null;
        }
        if (transition == null) {
            return attempt(reservationId, plan, whenMissing, 1);
        }
        Transition decided = transition;
        return reservations.apply(known, decided, now).chain(written -> written != null
                ? moved(known, decided, written)
                : attempt(reservationId, plan, whenMissing, 1));
    }

    private Uni<Outcome> attempt(String id, Plan plan, Supplier<ProblemException> whenMissing, int attempt) {
        return reservations.byId(id).chain(current -> {
            if (current == null) {
                return Uni.createFrom().failure(whenMissing.get());
            }
            Instant now = Instant.now();
            Transition transition = plan.decide(current, now);
            if (transition == null) {
                return Uni.createFrom().item(new Outcome(current, false));
            }
            return reservations.apply(current, transition, now).chain(written -> {
                if (written != null) {
                    return moved(current, transition, written);
                }
                if (attempt >= ATTEMPTS) {
                    return Uni.createFrom().failure(QueueProblems.concurrentUpdate(id));
                }
                return attempt(id, plan, whenMissing, attempt + 1);
            });
        });
    }

    private Uni<Outcome> moved(Reservation before, Transition transition, Reservation written) {
        snapshots.keep(written);
        return afterMove(before, transition.next()).replaceWith(new Outcome(written, true));
    }

    private Uni<Void> afterMove(Reservation before, ReservationStatus next) {
        relay.nudge(reservations.mongoCollection(), before.id);
        return next.isTerminal() ? releaseSlot(before.stationId, before.id) : Uni.createFrom().voidItem();
    }

    /** Gives a reservation's station slot back and drops it from the live queue; both idempotent. */
    public Uni<Void> releaseSlot(String stationId, String reservationId) {
        return slots.release(stationId, reservationId)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf(failure, "Slot of %s at %s not released now; the sweeper will", reservationId, stationId);
                    return false;
                })
                .chain(() -> liveQueue.remove(stationId, reservationId));
    }
}
