package io.navswap.queue.service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.navswap.messaging.MongoErrors;
import io.navswap.messaging.OutboxRelay;
import io.navswap.queue.client.PeerRejectedException;
import io.navswap.queue.client.StationClient;
import io.navswap.queue.client.StationView;
import io.navswap.queue.config.QueueConfig;
import io.navswap.queue.domain.QrClaims;
import io.navswap.queue.domain.QrToken;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.domain.ReservationStatus;
import io.navswap.queue.repository.QrTokenRepository;
import io.navswap.queue.repository.ReservationRepository;
import io.navswap.queue.repository.ReservationRepository.Transition;
import io.navswap.queue.repository.SwapPaceCache.Pace;
import io.navswap.queue.repository.StationSlotRepository;
import io.navswap.shared.events.SwapCompleted;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;

/**
 * Reservations: confirm, read, cancel, fresh QR, and completion when the swap is done.
 *
 * <p>Confirm holds two invariants under concurrency without transactions: at most
 * {@code station-capacity} live reservations per station (an atomic conditional slot counter, taken
 * before the insert and given back if the insert fails) and one live reservation per user (a sparse unique
 * index on {@code activeUser}).
 */
@ApplicationScoped
public class ReservationService {
    private static final Logger LOG = Logger.getLogger(ReservationService.class);
    static final int QR_ATTEMPTS = 5;

    /** {@code waitSource}: who gave the minutes per swap ({@code ai-onnx}, {@code ai-fallback}, {@code queue-heuristic}). */
    public record Confirmation(Reservation reservation, String qrToken, Instant qrExpiry, int position, int waitMinutes,
            String waitSource) {
    }

    public record Details(Reservation reservation, Integer position, Integer waitMinutes) {
    }

    public record FreshQr(Reservation reservation, String qrToken, Instant qrExpiry) {
    }

    private final ReservationRepository reservations;
    private final StationSlotRepository slots;
    private final QrTokenRepository qrTokens;
    private final StationClient stations;
    private final QrTokenSigner signer;
    private final LiveQueue liveQueue;
    private final WaitEstimator waits;
    private final ReservationTransitions transitions;
    private final ReservationEvents events;
    private final OutboxRelay relay;
    private final QueueConfig config;

    ReservationService(ReservationRepository reservations, StationSlotRepository slots, QrTokenRepository qrTokens,
            StationClient stations, QrTokenSigner signer, LiveQueue liveQueue, WaitEstimator waits,
            ReservationTransitions transitions, ReservationEvents events, OutboxRelay relay, QueueConfig config) {
        this.reservations = reservations;
        this.slots = slots;
        this.qrTokens = qrTokens;
        this.stations = stations;
        this.signer = signer;
        this.liveQueue = liveQueue;
        this.waits = waits;
        this.transitions = transitions;
        this.events = events;
        this.relay = relay;
        this.config = config;
    }

    public Uni<Confirmation> confirm(Caller caller, String stationId, Double batterySohMin, Double originLatitude,
            Double originLongitude) {
        // The three reads are independent, so they go out together; their answers are judged in a fixed order
        // (a reservation already held wins over an unknown station), as if they had been asked one by one.
        return Uni.combine().all().unis(
                        reservations.findActiveByUser(caller.userId()).map(Optional::ofNullable),
                        Fetched.of(station(caller, stationId)),
                        waits.cachedPace(stationId).map(Optional::ofNullable)).asTuple()
                .chain(reads -> {
                    reads.getItem1().ifPresent(existing -> {
                        throw QueueProblems.activeReservationExists(existing.id);
                    });
                    StationView station = reads.getItem2().get();
                    Uni<Pace> pace = reads.getItem3().map(cached -> Uni.createFrom().item(cached))
                            .orElseGet(() -> slots.active(stationId)
                                    .chain(length -> waits.predictPace(station, length, caller)));
                    return pace.map(known -> Tuple2.of(station, known));
                })
                .chain(both -> {
                    StationView station = both.getItem1();
                    Pace pace = both.getItem2();
                    requireSuitable(station, stationId, batterySohMin);
                    String id = "rsv-" + new ObjectId().toHexString();
                    return slots.acquire(stationId, id, config.stationCapacity()).chain(taken -> {
                        if (taken.isEmpty()) {
                            throw QueueProblems.stationFull(stationId, config.stationCapacity());
                        }
                        return insert(caller, id, station, stationId, batterySohMin, originLatitude, originLongitude,
                                taken.get(), pace);
                    });
                });
    }

    private Uni<Confirmation> insert(Caller caller, String id, StationView station, String stationId,
            Double batterySohMin, Double originLatitude, Double originLongitude, int slotPosition, Pace pace) {
        double minutesPerSwap = pace.minutesPerSwap();
        Instant now = Instant.now();
        QrClaims claims = signer.newClaims(id, caller.userId(), stationId, now);
        String token = signer.sign(claims);
        int wait = WaitEstimator.waitMinutes(slotPosition, minutesPerSwap);

        Reservation reservation = new Reservation();
        reservation.id = id;
        reservation.userId = caller.userId();
        reservation.userName = caller.name();
        reservation.stationId = stationId;
        reservation.stationName = station.name();
        reservation.stationLatitude = station.latitude();
        reservation.stationLongitude = station.longitude();
        reservation.batterySohMin = batterySohMin;
        reservation.originLatitude = originLatitude;
        reservation.originLongitude = originLongitude;
        reservation.status = ReservationStatus.CONFIRMED;
        reservation.version = 0;
        reservation.activeUser = caller.userId();
        reservation.positionAtConfirm = slotPosition;
        reservation.estimatedWaitMinutes = wait;
        reservation.confirmedAt = now;
        reservation.updatedAt = now;
        reservation.expiresAt = now.plus(Duration.ofMinutes(wait)).plus(config.hold());
        reservation.qrNonce = claims.n();
        reservation.qrKid = claims.kid();
        reservation.qrIssuedAt = Instant.ofEpochSecond(claims.iat());
        reservation.qrExpiresAt = Instant.ofEpochSecond(claims.exp());
        reservation.outbox.add(events.changed(reservation, null, ReservationStatus.CONFIRMED, null, null, now));

        return reservations.insert(reservation)
                .onFailure().call(failure -> slots.release(stationId, id).onFailure().recoverWithNull())
                .onFailure(MongoErrors::isDuplicateKey)
                .transform(failure -> QueueProblems.activeReservationExists(null))
                .invoke(() -> relay.nudge(reservations.mongoCollection(), id))
                // The token's audit record does not gate anything (the reservation's nonce decides single use), so
                // the answer does not wait for its write; a failed write is logged by recordToken.
                .invoke(() -> recordToken(claims).subscribe().with(recorded -> { }))
                .chain(() -> liveQueue.addAndLocate(reservation))
                .map(position -> {
                    int shown = position > 0 ? position : slotPosition;
                    return new Confirmation(reservation, token, reservation.qrExpiresAt, shown,
                            WaitEstimator.waitMinutes(shown, minutesPerSwap), pace.source());
                });
    }

    /** The caller's live reservation, or {@code null}. */
    public Uni<Details> active(Caller caller) {
        return reservations.findActiveByUser(caller.userId())
                .chain(found -> found == null ? Uni.createFrom().nullItem() : details(found));
    }

    public Uni<Details> get(Caller caller, String reservationId) {
        return reservations.byId(reservationId).chain(found -> {
            if (found == null) {
                throw QueueProblems.reservationNotFound(reservationId);
            }
            if (!caller.seesWholeQueues() && !found.userId.equals(caller.userId())) {
                throw QueueProblems.notYourReservation(reservationId);
            }
            return details(found);
        });
    }

    /** Owner or admin. Cancelling an already cancelled reservation answers it unchanged. */
    public Uni<Details> cancel(Caller caller, String reservationId) {
        return transitions.move(reservationId, (current, now) -> {
            if (!caller.isAdmin() && !current.userId.equals(caller.userId())) {
                throw QueueProblems.notYourReservation(reservationId);
            }
            if (current.status == ReservationStatus.CANCELLED) {
                return null;
            }
            if (!current.status.canMoveTo(ReservationStatus.CANCELLED)) {
                throw QueueProblems.notCancellable(reservationId, current.status.wire());
            }
            return new Transition(ReservationStatus.CANCELLED, List.of(),
                    List.of(Updates.set("endReason", caller.isAdmin() && !current.userId.equals(caller.userId())
                            ? "cancelled_by_admin" : "cancelled_by_user")),
                    List.of(events.changed(current, current.status, ReservationStatus.CANCELLED, null, null, now)));
        }).chain(outcome -> details(outcome.reservation()));
    }

    /** A new QR for the owner's waiting reservation; the previous token stops working at once. */
    public Uni<FreshQr> freshQr(Caller caller, String reservationId) {
        return freshQr(caller, reservationId, 1);
    }

    private Uni<FreshQr> freshQr(Caller caller, String reservationId, int attempt) {
        return reservations.byId(reservationId).chain(current -> {
            if (current == null) {
                throw QueueProblems.reservationNotFound(reservationId);
            }
            if (!current.userId.equals(caller.userId())) {
                throw QueueProblems.notYourReservation(reservationId);
            }
            if (!current.status.isWaiting()) {
                throw QueueProblems.reservationNotActive(reservationId, current.status.wire());
            }
            Instant now = Instant.now();
            String previousNonce = current.qrNonce;
            QrClaims claims = signer.newClaims(current.id, current.userId, current.stationId, now);
            Instant expiry = Instant.ofEpochSecond(claims.exp());
            return reservations.replaceQr(current, claims.n(), claims.kid(), Instant.ofEpochSecond(claims.iat()),
                    expiry, now).chain(replaced -> {
                        if (!replaced) {
                            if (attempt >= QR_ATTEMPTS) {
                                throw QueueProblems.concurrentUpdate(reservationId);
                            }
                            return freshQr(caller, reservationId, attempt + 1);
                        }
                        current.qrNonce = claims.n();
                        current.qrExpiresAt = expiry;
                        return recordToken(claims)
                                .call(() -> qrTokens.markSuperseded(previousNonce, now)
                                        .onFailure().recoverWithNull())
                                .replaceWith(new FreshQr(current, signer.sign(claims), expiry));
                    });
        });
    }

    /**
     * Applies {@code swap.completed}: the reservation that started this swap completes and its slot is
     * released. Conditional on {@code in_progress} and the same swap id, so a replay changes nothing.
     */
    public Uni<Boolean> completeFromSwap(SwapCompleted swap) {
        if (swap.reservationId() == null || swap.swapId() == null) {
            LOG.warnf("swap.completed for swap %s carries no reservation; nothing to complete", swap.swapId());
            return Uni.createFrom().item(false);
        }
        return transitions.move(swap.reservationId(), (current, now) -> {
            if (current.status != ReservationStatus.IN_PROGRESS || !swap.swapId().equals(current.swapId)) {
                if (current.status != ReservationStatus.COMPLETED) {
                    LOG.warnf("swap.completed for %s ignored: reservation %s is %s with swap %s", swap.swapId(),
                            current.id, current.status.wire(), current.swapId);
                }
                return null;
            }
            return new Transition(ReservationStatus.COMPLETED, List.of(Filters.eq("swapId", swap.swapId())),
                    List.of(Updates.set("endReason", "swap_completed")),
                    List.of(events.changed(current, current.status, ReservationStatus.COMPLETED, swap.swapId(),
                            swap.staffId(), now)));
        }, () -> QueueProblems.reservationNotFound(swap.reservationId()))
                .map(ReservationTransitions.Outcome::moved)
                .onFailure(e -> e instanceof io.navswap.shared.problem.ProblemException p && p.status() == 404)
                .recoverWithItem(failure -> {
                    LOG.warnf("swap.completed for unknown reservation %s skipped", swap.reservationId());
                    return false;
                });
    }

    private Uni<Details> details(Reservation reservation) {
        if (!reservation.status.isLive()) {
            return Uni.createFrom().item(new Details(reservation, null, null));
        }
        return Uni.combine().all().unis(
                liveQueue.positionOf(reservation.stationId, reservation.id),
                waits.cachedMinutesPerSwap(reservation.stationId)).asTuple()
                .map(both -> {
                    int position = both.getItem1();
                    return position == 0
                            ? new Details(reservation, null, null)
                            : new Details(reservation, position, WaitEstimator.waitMinutes(position, both.getItem2()));
                });
    }

    private Uni<StationView> station(Caller caller, String stationId) {
        return stations.station(stationId, caller.authorization(), caller.requestId())
                .onFailure(PeerRejectedException.class).transform(failure -> {
                    PeerRejectedException rejected = (PeerRejectedException) failure;
                    if (rejected.status() == 404) {
                        return QueueProblems.stationNotFound(stationId);
                    }
                    LOG.errorf("station-service refused GET /station/%s with HTTP %d", stationId, rejected.status());
                    return new io.navswap.shared.problem.ProblemException(503, "station-service-unavailable",
                            "Station service unavailable", "Station " + stationId + " cannot be checked right now");
                });
    }

    private static void requireSuitable(StationView station, String stationId, Double batterySohMin) {
        if (!station.active()) {
            throw QueueProblems.stationInactive(stationId);
        }
        boolean suitable = station.chargedAvailable() > 0
                && (batterySohMin == null
                        || (station.bestChargedSoh() != null && station.bestChargedSoh() >= batterySohMin));
        if (!suitable) {
            throw QueueProblems.noSuitableBattery(stationId, batterySohMin);
        }
    }

    private Uni<Void> recordToken(QrClaims claims) {
        QrToken token = new QrToken();
        token.id = claims.n();
        token.reservationId = claims.rid();
        token.userId = claims.sub();
        token.stationId = claims.st();
        token.kid = claims.kid();
        token.issuedAt = Instant.ofEpochSecond(claims.iat());
        token.expiresAt = Instant.ofEpochSecond(claims.exp());
        // The reservation's nonce is the authority for single use; this record is the audit trail.
        return qrTokens.insert(token).onFailure().recoverWithUni(failure -> {
            LOG.warnf(failure, "QR token record for reservation %s not written", claims.rid());
            return Uni.createFrom().voidItem();
        });
    }

    /** A read's answer or its failure, kept so that several reads can be judged in a fixed order. */
    private record Fetched<T>(T item, Throwable failure) {
        static <T> Uni<Fetched<T>> of(Uni<T> read) {
            return read.onItemOrFailure().transform(Fetched::new);
        }

        T get() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return item;
        }
    }
}
