package io.navswap.station.service;

import com.mongodb.client.model.Updates;
import io.navswap.messaging.MongoErrors;
import io.navswap.messaging.OutboxEntry;
import io.navswap.messaging.OutboxRelay;
import io.navswap.shared.problem.ProblemException;
import io.navswap.station.config.StationConfig;
import io.navswap.station.domain.Battery;
import io.navswap.station.domain.BatteryStatus;
import io.navswap.station.domain.InventoryMarker;
import io.navswap.station.domain.LocationType;
import io.navswap.station.repository.BatteryRepository;
import io.navswap.station.repository.PartnerShopRepository;
import io.navswap.station.repository.StationRepository;
import io.navswap.station.rest.BatteryCommissionRequest;
import io.navswap.station.rest.BatteryUpdateRequest;
import io.navswap.station.rest.BatteryView;
import io.navswap.station.rest.TelemetryRequest;
import io.navswap.station.rest.TelemetryResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

/** Battery lifecycle outside swaps and transport: commissioning, admin edits, retirement, telemetry, repairs. */
@ApplicationScoped
public class BatteryService {
    private static final Logger LOG = Logger.getLogger(BatteryService.class);
    private static final int MAX_ATTEMPTS = 3;

    private final BatteryRepository batteries;
    private final StationRepository stations;
    private final PartnerShopRepository shops;
    private final StationEvents events;
    private final InventoryRecounter recounter;
    private final OutboxRelay relay;
    private final double quarantineBelow;

    BatteryService(BatteryRepository batteries, StationRepository stations, PartnerShopRepository shops,
            StationEvents events, InventoryRecounter recounter, OutboxRelay relay, StationConfig config) {
        this.batteries = batteries;
        this.stations = stations;
        this.shops = shops;
        this.events = events;
        this.recounter = recounter;
        this.relay = relay;
        this.quarantineBelow = config.quarantineSohThreshold();
    }

    public Uni<BatteryView> get(String id) {
        return batteries.findById(id).map(b -> {
            if (b == null) {
                throw StationProblems.batteryNotFound(id);
            }
            return BatteryView.of(b);
        });
    }

    public Uni<List<BatteryView>> list(String stationId, BatteryStatus status, LocationType locationType, int offset,
            int limit) {
        return batteries.list(stationId, status, locationType, offset, limit)
                .map(list -> list.stream().map(BatteryView::of).toList());
    }

    /** Admin adds a battery to the fleet: one of the two ways the total changes. */
    public Uni<BatteryView> commission(BatteryCommissionRequest request) {
        boolean atStation = request.stationId() != null;
        if (atStation == (request.partnerShopId() != null)) {
            throw new ProblemException(400, "location-required", "Location required",
                    "Give exactly one of station_id and partner_shop_id");
        }
        LocationType type = atStation ? LocationType.STATION : LocationType.PARTNER_SHOP;
        String placeId = atStation ? request.stationId() : request.partnerShopId();
        BatteryStatus status = request.status() != null ? request.status()
                : atStation ? BatteryStatus.CHARGING : BatteryStatus.AT_PARTNER;
        if (!status.allowsLocation(type)) {
            throw StationProblems.statusLocationMismatch(status.wire(), type.wire());
        }
        return requirePlace(type, placeId).chain(() -> {
            Instant now = Instant.now();
            Battery battery = new Battery();
            battery.id = request.batteryId();
            battery.soh = request.soh();
            battery.cycles = request.cycles() == null ? 0 : request.cycles();
            battery.temperatureC = request.temperatureC();
            battery.status = status;
            battery.locationType = type;
            battery.locationId = placeId;
            battery.statusChangedAt = now;
            battery.commissionedAt = now;
            battery.updatedAt = now;
            battery.inventoryPending = new ArrayList<>(List.of(marker(type, placeId, "commissioned").encoded()));
            return batteries.persist(battery)
                    .onFailure(MongoErrors::isDuplicateKey).transform(e -> StationProblems.batteryExists(request.batteryId()))
                    .invoke(recounter::nudge)
                    .map(BatteryView::of);
        });
    }

    /** Admin correction: SOH, cycles, temperature, status (allowed moves only) and location. */
    public Uni<BatteryView> update(String id, BatteryUpdateRequest request) {
        return batteries.findActive(id).chain(b -> {
            if (b == null) {
                throw StationProblems.batteryNotFound(id);
            }
            if (request.version() != null && request.version() != b.version) {
                throw StationProblems.versionConflict("Battery", id, request.version(), b.version);
            }
            BatteryStatus status = request.status() != null ? request.status() : b.status;
            LocationType locationType = request.locationType() != null ? request.locationType() : b.locationType;
            String locationId = request.locationId() != null ? request.locationId() : b.locationId;
            if (status != b.status && !b.status.canMoveTo(status)) {
                throw StationProblems.invalidTransition(id, b.status.wire(), status.wire());
            }
            if (!status.allowsLocation(locationType)) {
                throw StationProblems.statusLocationMismatch(status.wire(), locationType.wire());
            }
            List<Bson> sets = new ArrayList<>();
            if (request.soh() != null) {
                sets.add(Updates.set("soh", request.soh()));
            }
            if (request.cycles() != null) {
                sets.add(Updates.set("cycles", request.cycles()));
            }
            if (request.temperatureC() != null) {
                sets.add(Updates.set("temperatureC", request.temperatureC()));
            }
            if (status != b.status) {
                sets.addAll(BatteryRepository.statusChange(status));
            }
            boolean moved = locationType != b.locationType || !Objects.equals(locationId, b.locationId);
            if (moved) {
                sets.add(Updates.set("locationType", locationType.name()));
                sets.add(Updates.set("locationId", locationId));
            }
            if (status != BatteryStatus.IN_USE && b.holderId != null) {
                sets.add(Updates.set("holderId", null));
            } else if (status == BatteryStatus.IN_USE && moved) {
                sets.add(Updates.set("holderId", locationId));
            }
            if (status != BatteryStatus.IN_TRANSIT && b.transit != null) {
                sets.add(Updates.set("transit", null));
            }
            if (sets.isEmpty()) {
                return Uni.createFrom().item(BatteryView.of(b));
            }
            List<InventoryMarker> markers = new ArrayList<>();
            InventoryMarker.forLocation(b.locationType, b.locationId, "admin-edit").ifPresent(markers::add);
            if (moved) {
                InventoryMarker.forLocation(locationType, locationId, "admin-edit").ifPresent(markers::add);
            }
            Uni<Void> placeCheck = moved ? requirePlace(locationType, locationId) : Uni.createFrom().voidItem();
            return placeCheck.chain(() -> batteries.updateAtVersion(id, b.version, sets, markers, List.of()))
                    .map(updated -> {
                        if (updated == null) {
                            throw StationProblems.concurrentUpdate("Battery", id);
                        }
                        recounter.nudge();
                        return BatteryView.of(updated);
                    });
        });
    }

    /** Admin takes a battery out of the fleet for good: the other way the total changes. */
    public Uni<Void> retire(String id) {
        return batteries.findActive(id).chain(b -> {
            if (b == null) {
                throw StationProblems.batteryNotFound(id);
            }
            if (b.status == BatteryStatus.IN_USE || b.status == BatteryStatus.IN_TRANSIT) {
                throw StationProblems.notRetirable(id, b.status.wire());
            }
            List<InventoryMarker> markers = new ArrayList<>();
            InventoryMarker.forLocation(b.locationType, b.locationId, "retired").ifPresent(markers::add);
            return batteries.retire(id, b.version, markers).map(updated -> {
                if (updated == null) {
                    throw StationProblems.concurrentUpdate("Battery", id);
                }
                recounter.nudge();
                return null;
            });
        }).replaceWithVoid();
    }

    /**
     * A battery reports its health. SOH under the threshold or a fault flag takes a battery at a station or shop
     * out of service at once (level 1) and records the fault; a battery with a rider or a transporter cannot be
     * quarantined where it is, so it is flagged (fault recorded once) and quarantined when it is handed back.
     */
    public Uni<TelemetryResult> telemetry(String id, TelemetryRequest report) {
        return telemetry(id, report, 1);
    }

    private Uni<TelemetryResult> telemetry(String id, TelemetryRequest report, int attempt) {
        return batteries.findActive(id).chain(b -> {
            if (b == null) {
                throw StationProblems.batteryNotFound(id);
            }
            boolean faultFlag = Boolean.TRUE.equals(report.faultFlag());
            boolean lowSoh = report.soh() < quarantineBelow;
            List<Bson> sets = new ArrayList<>();
            sets.add(Updates.set("soh", report.soh()));
            if (report.cycles() != null) {
                sets.add(Updates.set("cycles", report.cycles()));
            }
            if (report.temperatureC() != null) {
                sets.add(Updates.set("temperatureC", report.temperatureC()));
            }
            List<InventoryMarker> markers = new ArrayList<>();
            List<OutboxEntry> outbox = new ArrayList<>();
            String faultId = null;
            boolean quarantine = false;
            if ((faultFlag || lowSoh) && b.status != BatteryStatus.QUARANTINED) {
                String reason = faultReason(faultFlag, lowSoh, report.soh());
                boolean atPlace = b.locationType == LocationType.STATION || b.locationType == LocationType.PARTNER_SHOP;
                if (atPlace && b.status.canMoveTo(BatteryStatus.QUARANTINED)) {
                    quarantine = true;
                    faultId = StationEvents.newFaultId();
                    sets.addAll(BatteryRepository.statusChange(BatteryStatus.QUARANTINED));
                    sets.add(Updates.set("faultFlagged", false));
                    sets.add(Updates.set("lastFaultId", faultId));
                    InventoryMarker.forLocation(b.locationType, b.locationId, "telemetry-quarantine").ifPresent(markers::add);
                } else if (!b.faultFlagged) {
                    faultId = StationEvents.newFaultId();
                    sets.add(Updates.set("faultFlagged", true));
                    sets.add(Updates.set("lastFaultId", faultId));
                    reason = reason + "; quarantine on return (battery is " + b.status.wire() + ")";
                }
                if (faultId != null) {
                    Battery reported = copyWith(b, report);
                    outbox.add(events.faultRecorded(faultId, reported, b.stationId(), reason, report.soh(), null));
                }
            } else if (b.status == BatteryStatus.CHARGED && report.soh() != b.soh) {
                // The station's list of charged SOH values (nearest/recommend filters) must follow.
                InventoryMarker.forLocation(b.locationType, b.locationId, "telemetry").ifPresent(markers::add);
            }
            final boolean quarantined = quarantine;
            final String recordedFault = faultId;
            return batteries.updateAtVersion(id, b.version, sets, markers, outbox).chain(updated -> {
                if (updated == null) {
                    if (attempt >= MAX_ATTEMPTS) {
                        return Uni.createFrom().failure(StationProblems.concurrentUpdate("Battery", id));
                    }
                    return telemetry(id, report, attempt + 1);
                }
                if (!markers.isEmpty()) {
                    recounter.nudge();
                }
                if (!outbox.isEmpty()) {
                    relay.nudge(batteries.mongoCollection(), id);
                    LOG.infof("Battery %s: level-1 fault %s (%s)", id, recordedFault, quarantined ? "quarantined" : "flagged");
                }
                return Uni.createFrom().item(new TelemetryResult(BatteryView.of(updated), quarantined, recordedFault));
            });
        });
    }

    /**
     * A repair ticket resolved as {@code repaired}: the quarantined battery goes back to charging at its station
     * (or back into stock at its partner shop). Conditional on it still being quarantined, so replays do nothing.
     */
    public Uni<Boolean> returnToService(String batteryId, String ticketId) {
        return batteries.findActive(batteryId).chain(b -> {
            if (b == null || b.status != BatteryStatus.QUARANTINED) {
                return Uni.createFrom().item(false);
            }
            BatteryStatus next = b.locationType == LocationType.PARTNER_SHOP ? BatteryStatus.AT_PARTNER
                    : BatteryStatus.CHARGING;
            InventoryMarker marker = InventoryMarker.forLocation(b.locationType, b.locationId, "repaired").orElse(null);
            return batteries.returnToService(batteryId, next, ticketId, marker).map(updated -> {
                if (updated != null) {
                    recounter.nudge();
                }
                return updated != null;
            });
        });
    }

    static String faultReason(boolean faultFlag, boolean lowSoh, double soh) {
        List<String> reasons = new ArrayList<>();
        if (faultFlag) {
            reasons.add("fault flag reported");
        }
        if (lowSoh) {
            reasons.add("SOH " + soh + " % below threshold");
        }
        return String.join(" and ", reasons);
    }

    private static Battery copyWith(Battery b, TelemetryRequest report) {
        Battery copy = new Battery();
        copy.id = b.id;
        copy.soh = report.soh();
        copy.cycles = report.cycles() != null ? report.cycles() : b.cycles;
        copy.temperatureC = report.temperatureC() != null ? report.temperatureC() : b.temperatureC;
        return copy;
    }

    private static InventoryMarker marker(LocationType type, String placeId, String reason) {
        return InventoryMarker.forLocation(type, placeId, reason).orElseThrow();
    }

    private Uni<Void> requirePlace(LocationType type, String placeId) {
        return switch (type) {
            case STATION -> stations.findById(placeId).map(s -> {
                if (s == null) {
                    throw StationProblems.stationNotFound(placeId);
                }
                return null;
            }).replaceWithVoid();
            case PARTNER_SHOP -> shops.findById(placeId).map(s -> {
                if (s == null) {
                    throw StationProblems.partnerShopNotFound(placeId);
                }
                return null;
            }).replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        };
    }
}
