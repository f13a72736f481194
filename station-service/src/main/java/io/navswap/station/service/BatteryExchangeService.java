package io.navswap.station.service;

import io.navswap.messaging.OutboxEntry;
import io.navswap.messaging.OutboxRelay;
import io.navswap.shared.problem.ProblemException;
import io.navswap.station.config.StationConfig;
import io.navswap.station.domain.Battery;
import io.navswap.station.domain.BatteryStatus;
import io.navswap.station.domain.InventoryMarker;
import io.navswap.station.domain.LastSwap;
import io.navswap.station.domain.LocationType;
import io.navswap.station.repository.BatteryRepository;
import io.navswap.station.rest.ExchangeRequest;
import io.navswap.station.rest.ExchangeResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The inventory half of a swap (contract in HELPERS.md): the charged battery leaves with the rider, the
 * rider's battery stays at the station, charging or quarantined.
 *
 * <p>No transactions: each battery moves with one conditional update. The new battery's filter (charged, at
 * this station, SOH >= min) is what makes two concurrent swaps unable to take the same battery. Each battery
 * records the swap id, so a retry (or a retry racing the original) finds its own work done and answers the same
 * result. If the old battery cannot be taken back after the new one was handed over, the hand-over is undone
 * (conditional on this swap still owning it), so a failed swap moves nothing.
 */
@ApplicationScoped
public class BatteryExchangeService {
    private static final Logger LOG = Logger.getLogger(BatteryExchangeService.class);
    static final String ROLE_NEW = "new";
    static final String ROLE_OLD = "old";

    private final BatteryRepository batteries;
    private final StationEvents events;
    private final InventoryRecounter recounter;
    private final OutboxRelay relay;
    private final double quarantineBelow;

    BatteryExchangeService(BatteryRepository batteries, StationEvents events, InventoryRecounter recounter,
            OutboxRelay relay, StationConfig config) {
        this.batteries = batteries;
        this.events = events;
        this.recounter = recounter;
        this.relay = relay;
        this.quarantineBelow = config.quarantineSohThreshold();
    }

    public Uni<ExchangeResult> exchange(ExchangeRequest request) {
        if (request.oldBatteryId().equals(request.newBatteryId())) {
            throw new ProblemException(400, "same-battery", "Same battery",
                    "old_battery_id and new_battery_id must differ");
        }
        Uni<Battery> newLoad = batteries.findActive(request.newBatteryId());
        Uni<Battery> oldLoad = batteries.findActive(request.oldBatteryId());
        return Uni.combine().all().unis(newLoad, oldLoad).asTuple().chain(found -> {
            Battery fresh = found.getItem1();
            Battery returned = found.getItem2();
            if (fresh == null) {
                throw StationProblems.batteryNotFound(request.newBatteryId());
            }
            if (returned == null) {
                throw StationProblems.batteryNotFound(request.oldBatteryId());
            }
            boolean newDone = doneBy(fresh, request.swapId(), ROLE_NEW);
            boolean oldDone = doneBy(returned, request.swapId(), ROLE_OLD);
            if (oldDone) {
                // The rider's battery is back for this swap, so its exchange happened: answer what moved then
                // (also when this request names another new battery) and never hand over a second one.
                return Uni.createFrom().item(result(request, returned));
            }
            if (returned.status != BatteryStatus.IN_USE) {
                throw oldNotInUse(returned);
            }
            if (!newDone) {
                problemWithNew(fresh, request);
            }
            String rider = returned.holderId != null ? returned.holderId
                    : returned.locationType == LocationType.RIDER ? returned.locationId : null;
            Uni<Boolean> handOver = newDone ? Uni.createFrom().item(false) : handOver(request, rider);
            return handOver.chain(() -> takeBack(request, returned));
        }).eventually(recounter::nudge);
    }

    /** Step 1: the charged battery goes to the rider. Answers whether this call moved it (false: a retry had). */
    private Uni<Boolean> handOver(ExchangeRequest request, String rider) {
        LastSwap swap = lastSwap(request, ROLE_NEW, request.oldBatteryId(), BatteryStatus.IN_USE, false);
        double minSoh = request.minSoh() == null ? 0.0 : request.minSoh();
        return batteries.handOverToRider(request.newBatteryId(), request.stationId(), minSoh, rider, swap,
                InventoryMarker.station(request.stationId(), "swap")).chain(moved -> {
                    if (moved != null) {
                        return Uni.createFrom().item(true);
                    }
                    // Lost the conditional update: a concurrent retry of this very swap, or another swap took it.
                    return batteries.findActive(request.newBatteryId()).map(now -> {
                        if (now == null) {
                            throw StationProblems.batteryNotFound(request.newBatteryId());
                        }
                        if (doneBy(now, request.swapId(), ROLE_NEW)) {
                            return false;
                        }
                        problemWithNew(now, request);
                        throw new ProblemException(409, "battery-not-charged", "Battery not available",
                                "Battery " + now.id + " changed while this swap ran; pick another charged battery");
                    });
                });
    }

    /** Step 2: the rider's battery stays at the station, charging or quarantined (level-1 fault). */
    private Uni<ExchangeResult> takeBack(ExchangeRequest request, Battery returned) {
        boolean faulty = Boolean.TRUE.equals(request.faulty());
        boolean lowSoh = request.oldBatterySoh() != null && request.oldBatterySoh() < quarantineBelow;
        boolean quarantine = faulty || lowSoh || returned.faultFlagged;
        BatteryStatus next = quarantine ? BatteryStatus.QUARANTINED : BatteryStatus.CHARGING;
        String faultId = null;
        OutboxEntry fault = null;
        if (faulty || lowSoh) {
            // A new observation at the counter; a battery only flagged earlier already has its fault recorded.
            faultId = StationEvents.newFaultId();
            double soh = request.oldBatterySoh() != null ? request.oldBatterySoh() : returned.soh;
            fault = events.faultRecorded(faultId, returned, request.stationId(),
                    BatteryService.faultReason(faulty, lowSoh, soh) + " at swap " + request.swapId(), soh,
                    request.swapId());
        } else if (returned.faultFlagged) {
            faultId = returned.lastFaultId;
        }
        LastSwap swap = lastSwap(request, ROLE_OLD, request.newBatteryId(), next, quarantine);
        OutboxEntry event = fault;
        return batteries.takeBackFromRider(request.oldBatteryId(), request.stationId(), next, request.oldBatterySoh(), swap,
                InventoryMarker.station(request.stationId(), "swap"), fault, faultId).chain(moved -> {
                    if (moved != null) {
                        if (event != null) {
                            relay.nudge(batteries.mongoCollection(), request.oldBatteryId());
                        }
                        return Uni.createFrom().item(result(request, moved));
                    }
                    return batteries.findActive(request.oldBatteryId()).chain(now -> {
                        if (now != null && doneBy(now, request.swapId(), ROLE_OLD)
                                && request.newBatteryId().equals(now.lastSwap.counterpartBatteryId)) {
                            return Uni.createFrom().item(result(request, now));
                        }
                        boolean otherAttemptDone = now != null && doneBy(now, request.swapId(), ROLE_OLD);
                        // The new battery is with this swap's rider (now or from an interrupted earlier attempt):
                        // give it back, conditional on this swap still holding it.
                        Uni<Void> undo = batteries.undoHandOver(request.newBatteryId(), request.swapId(),
                                        request.stationId(), InventoryMarker.station(request.stationId(), "swap-undone"))
                                .invoke(b -> {
                                    if (b != null) {
                                        LOG.warnf("Swap %s: undid hand-over of %s, old battery %s not in use",
                                                request.swapId(), request.newBatteryId(), request.oldBatteryId());
                                    }
                                })
                                .replaceWithVoid();
                        if (otherAttemptDone) {
                            // A concurrent attempt of this swap took the battery back with another new battery:
                            // that one is with the rider, ours went back to the shelf above; answer what moved.
                            return undo.map(ignored -> result(request, now));
                        }
                        return undo.chain(() -> Uni.createFrom().failure(now == null
                                ? StationProblems.batteryNotFound(request.oldBatteryId())
                                : oldNotInUse(now)));
                    });
                });
    }

    /** Throws the problem that explains why {@code battery} cannot be handed over, if there is one. */
    private static void problemWithNew(Battery battery, ExchangeRequest request) {
        if (battery.status != BatteryStatus.CHARGED) {
            throw new ProblemException(409, "battery-not-charged", "Battery not charged",
                    "Battery " + battery.id + " is " + battery.status.wire() + ", not charged");
        }
        if (battery.locationType != LocationType.STATION || !request.stationId().equals(battery.locationId)) {
            throw new ProblemException(409, "battery-wrong-station", "Battery at another place",
                    "Battery " + battery.id + " is at " + battery.locationType.wire() + " " + battery.locationId
                            + ", not at station " + request.stationId());
        }
        double minSoh = request.minSoh() == null ? 0.0 : request.minSoh();
        if (battery.soh < minSoh) {
            throw new ProblemException(409, "battery-soh-too-low", "Battery SOH too low",
                    "Battery " + battery.id + " has SOH " + battery.soh + " %, the reservation needs at least " + minSoh + " %");
        }
    }

    private static ProblemException oldNotInUse(Battery battery) {
        return new ProblemException(409, "old-battery-not-in-use", "Returned battery not in use",
                "Battery " + battery.id + " is " + battery.status.wire() + ", not in use with a rider");
    }

    private static boolean doneBy(Battery battery, String swapId, String role) {
        return swapId.equals(battery.lastSwapId) && battery.lastSwap != null && role.equals(battery.lastSwap.role);
    }

    private static ExchangeResult result(ExchangeRequest request, Battery returned) {
        LastSwap swap = returned.lastSwap;
        BatteryStatus status = swap != null && swap.resultStatus != null ? swap.resultStatus : returned.status;
        boolean quarantined = swap != null ? swap.quarantined : returned.status == BatteryStatus.QUARANTINED;
        // The battery handed over in this swap, as the returned one records it (a retry may name another).
        String handedOver = swap != null && request.swapId().equals(swap.swapId) && swap.counterpartBatteryId != null
                ? swap.counterpartBatteryId : request.newBatteryId();
        return new ExchangeResult(request.swapId(), handedOver, request.oldBatteryId(), status, quarantined);
    }

    private static LastSwap lastSwap(ExchangeRequest request, String role, String counterpart, BatteryStatus status,
            boolean quarantined) {
        LastSwap swap = new LastSwap();
        swap.swapId = request.swapId();
        swap.role = role;
        swap.stationId = request.stationId();
        swap.counterpartBatteryId = counterpart;
        swap.resultStatus = status;
        swap.quarantined = quarantined;
        swap.at = Instant.now();
        return swap;
    }
}
