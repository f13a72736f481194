package io.navswap.swap.service;

import io.navswap.messaging.OutboxEntry;
import io.navswap.messaging.OutboxEvents;
import io.navswap.messaging.OutboxRelay;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.ReservationChanged;
import io.navswap.shared.events.Subjects;
import io.navswap.shared.events.SwapCompleted;
import io.navswap.shared.events.Topics;
import io.navswap.shared.problem.ProblemException;
import io.navswap.swap.client.ExchangeRequest;
import io.navswap.swap.client.ExchangeResult;
import io.navswap.swap.client.StationClient;
import io.navswap.swap.client.UpstreamProblem;
import io.navswap.swap.config.SwapConfig;
import io.navswap.swap.domain.Swap;
import io.navswap.swap.domain.SwapStatus;
import io.navswap.swap.repository.SwapRepository;
import io.navswap.swap.repository.SwapRepository.Completion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The swap use cases: start (idempotent upsert, from the API or from {@code reservation.started}), complete
 * (idempotent; the inventory moves at station-service, then one conditional update records the result and its
 * {@code swap.completed} event), and the reads with their object-level checks.
 */
@ApplicationScoped
public class SwapService {
    private static final Logger LOG = Logger.getLogger(SwapService.class);
    /** station-service problems passed to the caller unchanged: business refusals about the batteries. */
    private static final Set<Integer> PASSED_THROUGH = Set.of(400, 403, 404, 409, 422);

    private final SwapRepository swaps;
    private final StationClient station;
    private final StaffDutyCheck staffDuty;
    private final OutboxEvents events;
    private final OutboxRelay relay;
    private final SwapConfig config;

    SwapService(SwapRepository swaps, StationClient station, StaffDutyCheck staffDuty, OutboxEvents events,
            OutboxRelay relay, SwapConfig config) {
        this.swaps = swaps;
        this.station = station;
        this.staffDuty = staffDuty;
        this.events = events;
        this.relay = relay;
        this.config = config;
    }

    /** Answer of a start: the swap, and whether this call created it. */
    public record Started(Swap swap, boolean created) {
    }

    // ---- start ----------------------------------------------------------------------------------------------

    /**
     * Starts the swap, or answers the existing one when the same swap id is started again for the same
     * reservation. Staff start swaps under their own id, at a station where they are on duty.
     */
    public Uni<Started> start(Caller caller, StartSwap command) {
        if (caller.isStaffOnly() && !caller.is(command.staffId())) {
            return Uni.createFrom().failure(ProblemException.forbidden(
                    "Staff start swaps under their own staff_id (" + caller.userId() + ")"));
        }
        Uni<Void> allowed = caller.isStaffOnly()
                ? staffDuty.requireOnDuty(caller, command.stationId())
                : Uni.createFrom().voidItem();
        return allowed.chain(() -> startOnce(command, now()));
    }

    /**
     * {@code reservation.started}: creates the swap if the verifying call never reached us. A conflict with an
     * existing swap is logged and skipped, never retried (retrying would not change the answer).
     */
    public Uni<Void> startFromEvent(ReservationChanged reservation, Instant occurredAt) {
        if (reservation.swapId() == null || reservation.reservationId() == null || reservation.userId() == null
                || reservation.stationId() == null) {
            LOG.warnf("reservation.started for %s lacks swap, user or station; skipped", reservation.reservationId());
            return Uni.createFrom().voidItem();
        }
        Instant startedAt = reservation.changedAt() != null ? reservation.changedAt() : occurredAt;
        StartSwap command = new StartSwap(reservation.swapId(), reservation.reservationId(), reservation.userId(),
                null, reservation.stationId(), reservation.staffId(), reservation.batterySohMin());
        // Usually the verifying call created the swap already: one read by id settles it, and the event needs no
        // processed-event record, since a redelivery ends at the same read.
        return swaps.findById(command.swapId())
                .chain(found -> found != null
                        ? matching(command, found)
                        : startOnce(command, startedAt.truncatedTo(ChronoUnit.MILLIS)))
                .onFailure(ProblemException.class).invoke(conflict -> LOG.warnf(
                        "reservation.started for %s not applied: %s", reservation.reservationId(), conflict.getMessage()))
                .onFailure(ProblemException.class).recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Started> startOnce(StartSwap command, Instant startedAt) {
        Swap swap = newSwap(command, startedAt);
        return swaps.insertIfAbsent(swap).chain(inserted -> inserted
                ? Uni.createFrom().item(new Started(swap, true))
                : existing(command));
    }

    private Uni<Started> existing(StartSwap command) {
        return swaps.findById(command.swapId()).chain(found -> {
            if (found == null) {
                // The insert collided on the reservation, not on the swap id.
                return swaps.findByReservation(command.reservationId())
                        .map(other -> {
                            throw ProblemException.conflict("reservation-has-swap", "Reservation "
                                    + command.reservationId() + " already has swap "
                                    + (other != null ? other.id : "(unknown)"));
                        });
            }
            return matching(command, found);
        });
    }

    /** The existing swap of this id, when it is the one the command starts; a conflict otherwise. */
    private Uni<Started> matching(StartSwap command, Swap found) {
        if (!found.reservationId.equals(command.reservationId()) || !found.userId.equals(command.userId())
                || !found.stationId.equals(command.stationId())) {
            return Uni.createFrom().failure(ProblemException.conflict("swap-id-conflict", "Swap "
                    + command.swapId() + " belongs to reservation " + found.reservationId + " of user "
                    + found.userId + " at station " + found.stationId));
        }
        if (found.userName == null && command.userName() != null) {
            return swaps.fillUserName(found.id, command.userName())
                    .map(updated -> new Started(updated != null ? updated : found, false));
        }
        return Uni.createFrom().item(new Started(found, false));
    }

    private static Swap newSwap(StartSwap command, Instant startedAt) {
        Swap swap = new Swap();
        swap.id = command.swapId();
        swap.reservationId = command.reservationId();
        swap.userId = command.userId();
        swap.userName = command.userName();
        swap.stationId = command.stationId();
        swap.staffId = command.staffId();
        swap.batterySohMin = command.batterySohMin();
        swap.status = SwapStatus.STARTED;
        swap.startedAt = startedAt;
        swap.version = 0;
        return swap;
    }

    // ---- complete -------------------------------------------------------------------------------------------

    /**
     * Completes the swap. A repeat naming the same batteries answers the recorded result without moving or
     * counting anything again; different batteries after completion are refused. Nothing is written unless
     * station-service confirmed the exchange.
     */
    public Uni<Swap> complete(Caller caller, CompleteSwap command) {
        return findOrFail(command.swapId())
                .call(swap -> staffDuty.requireOnDuty(caller, swap.stationId))
                .chain(swap -> switch (swap.status) {
                    case COMPLETED -> Uni.createFrom().item(sameCompletion(swap, command));
                    case FAILED -> Uni.createFrom().failure(failedSwap(swap));
                    case STARTED -> exchangeAndRecord(caller, swap, command);
                });
    }

    private Uni<Swap> exchangeAndRecord(Caller caller, Swap swap, CompleteSwap command) {
        ExchangeRequest request = new ExchangeRequest(swap.id, swap.stationId, command.oldBatteryId(),
                command.newBatteryId(), command.oldBatterySoh(), command.faulty(), swap.batterySohMin);
        return station.exchange(caller.authorization(), caller.requestId(), request)
                .onFailure(UpstreamProblem.class).transform(failure -> asCallerProblem((UpstreamProblem) failure))
                .chain(result -> record(caller, swap, command, result));
    }

    private Uni<Swap> record(Caller caller, Swap swap, CompleteSwap command, ExchangeResult result) {
        // station-service is idempotent by swap id: if an earlier attempt exchanged other batteries, its answer
        // names those, and they are what really happened.
        String oldBattery = Objects.requireNonNullElse(result.oldBatteryId(), command.oldBatteryId());
        String newBattery = Objects.requireNonNullElse(result.newBatteryId(), command.newBatteryId());
        boolean quarantined = result.quarantined();
        String oldStatus = result.oldBatteryStatus() != null ? result.oldBatteryStatus()
                : quarantined ? "quarantined" : "charging";
        Instant completedAt = now();
        Completion completion = new Completion(caller.userId(), completedAt, oldBattery, newBattery,
                command.oldBatterySoh(), command.faulty(), oldStatus, quarantined, command.swapDurationSeconds(),
                command.notes(), config.loyaltyCredits());
        SwapCompleted data = new SwapCompleted(swap.id, swap.reservationId, swap.userId, swap.stationId,
                caller.userId(), oldBattery, newBattery, command.oldBatterySoh(), command.faulty(), quarantined,
                command.swapDurationSeconds(), config.loyaltyCredits(), completedAt);
        OutboxEntry event = events.entry(Topics.SWAPS, EventTypes.SWAP_COMPLETED, Subjects.station(swap.stationId),
                data);
        return swaps.complete(swap.id, completion, event).chain(updated -> {
            if (updated == null) {
                // Another completion won the conditional update: answer what it recorded.
                return findOrFail(swap.id).map(current -> {
                    if (current.status == SwapStatus.FAILED) {
                        LOG.errorf("Swap %s failed while its batteries were being exchanged (%s -> %s); "
                                + "inventory moved at station-service", swap.id, oldBattery, newBattery);
                        throw failedSwap(current);
                    }
                    return sameCompletion(current, command);
                });
            }
            relay.nudge(swaps.mongoCollection(), swap.id);
            LOG.infof("Swap %s completed at %s: %s -> %s (%s)", swap.id, swap.stationId, oldBattery, newBattery,
                    oldStatus);
            return Uni.createFrom().item(sameCompletion(updated, command));
        });
    }

    private static Swap sameCompletion(Swap swap, CompleteSwap command) {
        if (swap.completedWith(command.oldBatteryId(), command.newBatteryId())) {
            return swap;
        }
        throw new ProblemException(409, "swap-already-completed", "Swap already completed",
                "Swap " + swap.id + " was completed with old battery " + swap.oldBatteryId + " and new battery "
                        + swap.newBatteryId);
    }

    private static ProblemException failedSwap(Swap swap) {
        return new ProblemException(409, "swap-failed", "Swap failed",
                "Swap " + swap.id + " failed" + (swap.failureReason != null ? " (" + swap.failureReason + ")" : "")
                        + " and cannot be completed");
    }

    private static ProblemException asCallerProblem(UpstreamProblem problem) {
        if (PASSED_THROUGH.contains(problem.status())) {
            return new ProblemException(problem.status(), problem.slug(), problem.title(), problem.getMessage());
        }
        LOG.errorf("station-service refused the exchange with HTTP %d %s: %s", problem.status(), problem.slug(),
                problem.getMessage());
        return new ProblemException(502, "station-service-error", "Station service error",
                "station-service refused the exchange (HTTP " + problem.status() + "); nothing was recorded");
    }

    // ---- fail -----------------------------------------------------------------------------------------------

    /** The reservation behind a started swap failed or was cancelled: the swap fails too (a no-op otherwise). */
    public Uni<Void> failFromEvent(ReservationChanged reservation, Instant occurredAt) {
        if (reservation.swapId() == null) {
            return Uni.createFrom().voidItem();
        }
        Instant at = (reservation.changedAt() != null ? reservation.changedAt() : occurredAt)
                .truncatedTo(ChronoUnit.MILLIS);
        return swaps.fail(reservation.swapId(), "reservation " + reservation.status(), at)
                .invoke(failed -> {
                    if (failed) {
                        LOG.infof("Swap %s failed: reservation %s is %s", reservation.swapId(),
                                reservation.reservationId(), reservation.status());
                    }
                })
                .replaceWithVoid();
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    /** The swap, for its rider, an admin, or staff on duty at its station. */
    public Uni<Swap> get(Caller caller, String swapId) {
        return findOrFail(swapId).call(swap -> {
            if (caller.is(swap.userId) || caller.isAdmin()) {
                return Uni.createFrom().voidItem();
            }
            if (caller.isStaffOnly()) {
                return staffDuty.requireOnDuty(caller, swap.stationId);
            }
            return Uni.createFrom().failure(ProblemException.forbidden("Swap " + swapId + " is not yours"));
        });
    }

    /** A rider's swaps, newest first: for that rider or an admin. */
    public Uni<SwapPage> history(Caller caller, String userId, int page, int size) {
        if (!caller.is(userId) && !caller.isAdmin()) {
            return Uni.createFrom().failure(ProblemException.forbidden("You may read only your own swap history"));
        }
        // A page that is not full (and not past the end) tells the total by itself: most riders' history fits on
        // the first page, and counting reads every swap of the rider again.
        return swaps.pageByUser(userId, page, size).chain(items -> items.size() < size
                && (page == 0 || !items.isEmpty())
                        ? Uni.createFrom().item(new SwapPage(items, page, size, (long) page * size + items.size()))
                        : swaps.countByUser(userId).map(total -> new SwapPage(items, page, size, total)));
    }

    private Uni<Swap> findOrFail(String swapId) {
        return swaps.findById(swapId).onItem().ifNull().failWith(() -> new ProblemException(404, "swap-not-found",
                "Swap not found", "Swap " + swapId + " does not exist"));
    }

    private static Instant now() {
        // Mongo stores milliseconds: an answer built in memory then equals the stored document.
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
