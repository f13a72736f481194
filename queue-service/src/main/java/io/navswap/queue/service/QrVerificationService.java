package io.navswap.queue.service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.navswap.queue.client.SwapApi;
import io.navswap.queue.client.SwapClient;
import io.navswap.queue.domain.QrClaims;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.domain.ReservationStatus;
import io.navswap.queue.repository.QrTokenRepository;
import io.navswap.queue.repository.ReservationRepository.Transition;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;

/**
 * The counter side of a QR code. Verification order: signature, expiry, station match, staff on duty,
 * then the reservation (live, token current, unused). Single use is decided by Mongo alone: the
 * reservation moves to {@code in_progress} only if it is still waiting, its current nonce is the token's
 * and it has no swap yet, so of N concurrent scans exactly one matches; the others re-read and see the
 * token used. Losing Redis changes none of this.
 */
@ApplicationScoped
public class QrVerificationService {

    public record Verified(Reservation reservation, String swapId, String staffId, boolean swapStartedNow) {
    }

    public record QrImage(String token, byte[] png) {
    }

    private final QrTokenSigner signer;
    private final StaffDutyCheck staffDuty;
    private final ReservationTransitions transitions;
    private final ReservationEvents events;
    private final QrTokenRepository qrTokens;
    private final SwapClient swaps;
    private final QrImageRenderer renderer;

    QrVerificationService(QrTokenSigner signer, StaffDutyCheck staffDuty, ReservationTransitions transitions,
            ReservationEvents events, QrTokenRepository qrTokens, SwapClient swaps, QrImageRenderer renderer) {
        this.signer = signer;
        this.staffDuty = staffDuty;
        this.transitions = transitions;
        this.events = events;
        this.qrTokens = qrTokens;
        this.swaps = swaps;
        this.renderer = renderer;
    }

    public Uni<Verified> verify(Caller caller, String token, String stationId) {
        return Uni.createFrom().deferred(() -> verifyNow(caller, token, stationId));
    }

    private Uni<Verified> verifyNow(Caller caller, String token, String stationId) {
        QrClaims claims = authentic(token);
        if (!claims.st().equals(stationId)) {
            throw QueueProblems.qrWrongStation(claims.st(), stationId);
        }
        String swapId = "swp-" + new ObjectId().toHexString();
        String staffId = caller.userId();
        return staffDuty.requireOnDuty(caller, stationId)
                .chain(() -> transitions.move(claims.rid(), (current, now) -> start(current, claims, swapId, staffId, now),
                        () -> QueueProblems.reservationNotActive(claims.rid(), "unknown")))
                .chain(outcome -> {
                    Reservation started = outcome.reservation();
                    Instant now = Instant.now();
                    SwapApi.SwapStart body = new SwapApi.SwapStart(started.id, started.userId, started.userName,
                            started.stationId, staffId, started.batterySohMin);
                    // The token's audit record does not gate the swap (single use is the reservation's), so
                    // both writes go out together.
                    return Uni.combine().all().unis(
                                    qrTokens.markUsed(claims.n(), staffId, now).onFailure().recoverWithNull(),
                                    swaps.start(swapId, body, caller.authorization(), caller.requestId()))
                            .with((marked, startedNow) -> new Verified(started, swapId, staffId, startedNow));
                });
    }

    private Transition start(Reservation current, QrClaims claims, String swapId, String staffId, Instant now) {
        if (!current.userId.equals(claims.sub()) || !current.stationId.equals(claims.st())) {
            throw QueueProblems.qrInvalidSignature("The QR token does not belong to its reservation");
        }
        if (claims.n().equals(current.usedQrNonce)) {
            throw QueueProblems.qrAlreadyUsed();
        }
        if (!current.status.isWaiting()) {
            throw QueueProblems.reservationNotActive(current.id, current.status.wire());
        }
        if (!claims.n().equals(current.qrNonce)) {
            throw QueueProblems.qrSuperseded();
        }
        return new Transition(ReservationStatus.IN_PROGRESS,
                List.of(Filters.eq("qrNonce", claims.n()), Filters.exists("swapId", false)),
                List.of(Updates.set("swapId", swapId), Updates.set("staffId", staffId),
                        Updates.set("usedQrNonce", claims.n()), Updates.set("startedAt", now)),
                List.of(events.changed(current, current.status, ReservationStatus.IN_PROGRESS, swapId, staffId, now)));
    }

    /** A scannable PNG of the caller's own, still valid token. Rendering runs off the event loop. */
    public Uni<QrImage> image(Caller caller, String token) {
        return Uni.createFrom().deferred(() -> {
            QrClaims claims = authentic(token);
            if (!claims.sub().equals(caller.userId())) {
                throw QueueProblems.qrNotYours();
            }
            return Uni.createFrom().item(() -> new QrImage(token, renderer.png(token)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        });
    }

    private QrClaims authentic(String token) {
        try {
            return signer.verify(token, Instant.now());
        } catch (QrTokenException e) {
            throw e.reason() == QrTokenException.Reason.EXPIRED
                    ? QueueProblems.qrExpired()
                    : QueueProblems.qrInvalidSignature(e.getMessage());
        }
    }
}
