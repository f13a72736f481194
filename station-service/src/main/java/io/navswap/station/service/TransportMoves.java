package io.navswap.station.service;

import io.navswap.shared.events.TransportJobChanged;
import io.navswap.station.domain.Battery;
import io.navswap.station.domain.BatteryStatus;
import io.navswap.station.domain.InventoryMarker;
import io.navswap.station.domain.LocationType;
import io.navswap.station.domain.TransitLeg;
import io.navswap.station.repository.BatteryRepository;
import io.navswap.station.repository.PartnerShopRepository;
import io.navswap.station.repository.StationRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Inventory follows the transport jobs of logistics-service: pickup moves the job's batteries to
 * {@code in_transit}, delivery to their destination. Every move is a conditional update on where the battery is
 * (status and location), so a redelivered event moves nothing a second time.
 *
 * <p>A job names its batteries ({@code battery_ids}); when it only gives a count, pickup takes the best charged
 * batteries at a station (the stock at a shop) and delivery moves whatever travels with the job.
 */
@ApplicationScoped
public class TransportMoves {
    private static final Logger LOG = Logger.getLogger(TransportMoves.class);
    /** What may leave a station or shop on a job: stock, and quarantined batteries on their way to repair. */
    private static final Set<BatteryStatus> MOVABLE = EnumSet.of(BatteryStatus.CHARGED, BatteryStatus.CHARGING,
            BatteryStatus.AT_PARTNER, BatteryStatus.QUARANTINED);

    private final BatteryRepository batteries;
    private final StationRepository stations;
    private final PartnerShopRepository shops;
    private final InventoryRecounter recounter;

    TransportMoves(BatteryRepository batteries, StationRepository stations, PartnerShopRepository shops,
            InventoryRecounter recounter) {
        this.batteries = batteries;
        this.stations = stations;
        this.shops = shops;
        this.recounter = recounter;
    }

    /** Answers how many batteries this call moved. */
    public Uni<Integer> pickedUp(TransportJobChanged job) {
        LocationType fromType = placeType(job.sourceType());
        if (fromType == null || job.sourceId() == null || job.jobId() == null) {
            LOG.warnf("Job %s: pickup from unknown source %s %s; nothing moved", job.jobId(), job.sourceType(), job.sourceId());
            return Uni.createFrom().item(0);
        }
        Uni<Integer> moved;
        if (job.batteryIds() != null && !job.batteryIds().isEmpty()) {
            moved = Multi.createFrom().iterable(job.batteryIds())
                    .onItem().transformToUniAndConcatenate(id -> pickNamed(job, fromType, id))
                    .collect().with(Collectors.summingInt(Integer::intValue));
        } else {
            moved = batteries.inTransitWith(job.jobId()).chain(already -> pickAny(job, fromType,
                    Math.max(0, job.batteryCount() - already.size())));
        }
        return moved.invoke(n -> {
            if (n > 0) {
                recounter.nudge();
            }
        });
    }

    private Uni<Integer> pickNamed(TransportJobChanged job, LocationType fromType, String batteryId) {
        return batteries.findActive(batteryId).chain(b -> {
            if (b == null) {
                LOG.warnf("Job %s: battery %s does not exist; not picked up", job.jobId(), batteryId);
                return Uni.createFrom().item(0);
            }
            if (b.status == BatteryStatus.IN_TRANSIT && job.jobId().equals(b.locationId)) {
                return Uni.createFrom().item(0);
            }
            if (!MOVABLE.contains(b.status) || b.locationType != fromType || !job.sourceId().equals(b.locationId)) {
                LOG.warnf("Job %s: battery %s is %s at %s %s, not at the source %s; not picked up", job.jobId(), batteryId,
                        b.status.wire(), b.locationType.wire(), b.locationId, job.sourceId());
                return Uni.createFrom().item(0);
            }
            TransitLeg leg = leg(job, fromType, b.status);
            return batteries.pickUp(batteryId, leg, List.of(b.status), marker(fromType, job.sourceId()))
                    .map(moved -> moved == null ? 0 : 1);
        });
    }

    private Uni<Integer> pickAny(TransportJobChanged job, LocationType fromType, int count) {
        if (count <= 0) {
            return Uni.createFrom().item(0);
        }
        // Stations send their best charged batteries; shops send their stock.
        BatteryStatus from = fromType == LocationType.STATION ? BatteryStatus.CHARGED : BatteryStatus.AT_PARTNER;
        return batteries.pickAny(leg(job, fromType, from), from, marker(fromType, job.sourceId())).chain(moved -> {
            if (moved == null) {
                LOG.warnf("Job %s: source %s has no more %s batteries; %d not picked up", job.jobId(), job.sourceId(),
                        from.wire(), count);
                return Uni.createFrom().item(0);
            }
            return pickAny(job, fromType, count - 1).map(n -> n + 1);
        });
    }

    /** Answers how many batteries this call moved. */
    public Uni<Integer> delivered(TransportJobChanged job) {
        LocationType toType = placeType(job.destinationType());
        if (toType == null || job.destinationId() == null || job.jobId() == null) {
            LOG.warnf("Job %s: delivery to unknown destination %s %s; nothing moved", job.jobId(),
                    job.destinationType(), job.destinationId());
            return Uni.createFrom().item(0);
        }
        return destinationExists(toType, job.destinationId()).chain(exists -> {
            if (!exists) {
                LOG.warnf("Job %s: destination %s does not exist; batteries stay in transit", job.jobId(), job.destinationId());
                return Uni.createFrom().item(0);
            }
            return batteries.inTransitWith(job.jobId()).chain(travelling -> {
                List<Battery> moving = job.batteryIds() == null || job.batteryIds().isEmpty() ? travelling
                        : travelling.stream().filter(b -> job.batteryIds().contains(b.id)).toList();
                return Multi.createFrom().iterable(moving)
                        .onItem().transformToUniAndConcatenate(b -> batteries.deliver(b.id, job.jobId(),
                                arrivalStatus(b, toType), toType, job.destinationId(), marker(toType, job.destinationId()))
                                .map(moved -> moved == null ? 0 : 1))
                        .collect().with(Collectors.summingInt(Integer::intValue));
            });
        }).invoke(n -> {
            if (n > 0) {
                recounter.nudge();
            }
        });
    }

    /**
     * At a station a battery that left charged (or from a shop's stock, kept charged) arrives charged, anything
     * else charging; at a shop it becomes stock. Quarantined or fault-flagged batteries arrive quarantined.
     */
    static BatteryStatus arrivalStatus(Battery battery, LocationType toType) {
        BatteryStatus before = battery.transit == null ? null : battery.transit.previousStatus;
        if (before == BatteryStatus.QUARANTINED || battery.faultFlagged) {
            return BatteryStatus.QUARANTINED;
        }
        if (toType == LocationType.PARTNER_SHOP) {
            return BatteryStatus.AT_PARTNER;
        }
        return before == BatteryStatus.CHARGED || before == BatteryStatus.AT_PARTNER ? BatteryStatus.CHARGED
                : BatteryStatus.CHARGING;
    }

    private Uni<Boolean> destinationExists(LocationType type, String id) {
        return type == LocationType.STATION ? stations.findById(id).map(s -> s != null)
                : shops.findById(id).map(s -> s != null);
    }

    private static TransitLeg leg(TransportJobChanged job, LocationType fromType, BatteryStatus previous) {
        TransitLeg leg = new TransitLeg();
        leg.jobId = job.jobId();
        leg.fromType = fromType;
        leg.fromId = job.sourceId();
        leg.toType = placeType(job.destinationType());
        leg.toId = job.destinationId();
        leg.previousStatus = previous;
        return leg;
    }

    private static InventoryMarker marker(LocationType type, String id) {
        return InventoryMarker.forLocation(type, id, "transport").orElseThrow();
    }

    static LocationType placeType(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "station" -> LocationType.STATION;
            case "partner_shop", "shop", "partner" -> LocationType.PARTNER_SHOP;
            default -> null;
        };
    }
}
