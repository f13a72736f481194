package io.navswap.station.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.navswap.messaging.OutboxEntry;
import io.navswap.station.domain.Battery;
import io.navswap.station.domain.BatteryStatus;
import io.navswap.station.domain.InventoryMarker;
import io.navswap.station.domain.LastSwap;
import io.navswap.station.domain.LocationType;
import io.navswap.station.domain.TransitLeg;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * All access to {@code batteries}. Each state change is ONE conditional update whose filter states the rule
 * (status, location, SOH, version or swap guard), so two concurrent requests can never both win, and whose
 * update carries the inventory markers and outbox events the change implies. A method answers the battery
 * after the change, or {@code null} when the filter no longer matched (the caller re-reads to say why).
 */
@ApplicationScoped
public class BatteryRepository implements ReactivePanacheMongoRepositoryBase<Battery, String> {

    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
    private static final Bson NOT_RETIRED = Filters.eq("retiredAt", null);

    /** A battery that exists and has not been retired. */
    public Uni<Battery> findActive(String id) {
        return findById(id).map(b -> b == null || b.retiredAt != null ? null : b);
    }

    public Uni<List<Battery>> list(String stationId, BatteryStatus status, LocationType locationType, int offset,
            int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(NOT_RETIRED);
        if (stationId != null) {
            filters.add(Filters.eq("locationType", LocationType.STATION.name()));
            filters.add(Filters.eq("locationId", stationId));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (locationType != null) {
            filters.add(Filters.eq("locationType", locationType.name()));
        }
        return mongoCollection().find(Filters.and(filters),
                        new io.quarkus.mongodb.FindOptions().sort(Sorts.ascending("_id")).skip(offset).limit(limit))
                .collect().asList();
    }

    /** Every battery at a place (station or partner shop), for a recount. */
    public Uni<List<Battery>> atPlace(LocationType type, String placeId) {
        return mongoCollection()
                .find(Filters.and(Filters.eq("locationType", type.name()), Filters.eq("locationId", placeId), NOT_RETIRED))
                .collect().asList();
    }

    /** Batteries carrying recount markers, oldest write order unknown; a bounded batch per pass. */
    public Uni<List<Battery>> withPendingMarkers(int limit) {
        return mongoCollection().find(Filters.exists("inventoryPending.0"),
                new io.quarkus.mongodb.FindOptions().limit(limit)).collect().asList();
    }

    /** Removes exactly the markers a recount handled; later markers (other tokens) stay. */
    public Uni<Void> removeMarkers(String id, Collection<String> markers) {
        return mongoCollection().updateOne(Filters.eq("_id", id), Updates.pullAll("inventoryPending", new ArrayList<>(markers)))
                .replaceWithVoid();
    }

    public Uni<List<Battery>> inTransitWith(String jobId) {
        return mongoCollection().find(Filters.and(Filters.eq("status", BatteryStatus.IN_TRANSIT.name()),
                Filters.eq("locationType", LocationType.TRANSIT.name()), Filters.eq("locationId", jobId), NOT_RETIRED))
                .collect().asList();
    }

    public Uni<List<Battery>> doneCharging(Instant chargingSinceBefore, int limit) {
        return mongoCollection().find(Filters.and(Filters.eq("status", BatteryStatus.CHARGING.name()),
                Filters.lt("statusChangedAt", chargingSinceBefore), NOT_RETIRED),
                new io.quarkus.mongodb.FindOptions().limit(limit)).collect().asList();
    }

    public Uni<List<String>> existingIds(List<String> ids) {
        return mongoCollection().find(Filters.in("_id", ids)).map(b -> b.id).collect().asList();
    }

    public Uni<Long> countActive() {
        return mongoCollection().countDocuments(NOT_RETIRED);
    }

    // ---- swap ------------------------------------------------------------------------------------------------

    /** Charged battery at the station with SOH >= minSoh → with the rider. The heart of "two swaps never share". */
    public Uni<Battery> handOverToRider(String batteryId, String stationId, double minSoh, String riderId,
            LastSwap swap, InventoryMarker marker) {
        Bson filter = Filters.and(Filters.eq("_id", batteryId), NOT_RETIRED,
                Filters.eq("status", BatteryStatus.CHARGED.name()),
                Filters.eq("locationType", LocationType.STATION.name()), Filters.eq("locationId", stationId),
                Filters.gte("soh", minSoh));
        List<Bson> sets = statusChange(BatteryStatus.IN_USE);
        sets.add(Updates.set("locationType", LocationType.RIDER.name()));
        sets.add(Updates.set("locationId", riderId));
        sets.add(Updates.set("holderId", riderId));
        sets.add(Updates.set("lastSwapId", swap.swapId));
        sets.add(Updates.set("lastSwap", lastSwap(swap)));
        return write(filter, sets, List.of(marker), List.of());
    }

    /** In-use battery → at the station, charging or quarantined (then with its level-1 fault event). */
    public Uni<Battery> takeBackFromRider(String batteryId, String stationId, BatteryStatus next, Double soh,
            LastSwap swap, InventoryMarker marker, OutboxEntry fault, String faultId) {
        Bson filter = Filters.and(Filters.eq("_id", batteryId), NOT_RETIRED,
                Filters.eq("status", BatteryStatus.IN_USE.name()));
        List<Bson> sets = statusChange(next);
        sets.add(Updates.set("locationType", LocationType.STATION.name()));
        sets.add(Updates.set("locationId", stationId));
        sets.add(Updates.set("holderId", null));
        sets.add(Updates.set("lastSwapId", swap.swapId));
        sets.add(Updates.set("lastSwap", lastSwap(swap)));
        if (soh != null) {
            sets.add(Updates.set("soh", soh));
        }
        if (next == BatteryStatus.QUARANTINED) {
            sets.add(Updates.set("faultFlagged", false));
            sets.add(Updates.set("lastFaultId", faultId));
        }
        return write(filter, sets, List.of(marker), fault == null ? List.of() : List.of(fault));
    }

    /** Undoes {@link #handOverToRider} when the old battery could not be taken back (no transaction to roll back). */
    public Uni<Battery> undoHandOver(String batteryId, String swapId, String stationId, InventoryMarker marker) {
        Bson filter = Filters.and(Filters.eq("_id", batteryId), Filters.eq("status", BatteryStatus.IN_USE.name()),
                Filters.eq("lastSwapId", swapId));
        List<Bson> sets = statusChange(BatteryStatus.CHARGED);
        sets.add(Updates.set("locationType", LocationType.STATION.name()));
        sets.add(Updates.set("locationId", stationId));
        sets.add(Updates.set("holderId", null));
        sets.add(Updates.set("lastSwapId", null));
        sets.add(Updates.set("lastSwap", null));
        return write(filter, sets, List.of(marker), List.of());
    }

    // ---- telemetry and admin ---------------------------------------------------------------------------------

    /** Optimistic update at {@code expectedVersion} with whatever sets, markers and events the caller decided. */
    public Uni<Battery> updateAtVersion(String batteryId, long expectedVersion, List<Bson> sets,
            List<InventoryMarker> markers, List<OutboxEntry> events) {
        Bson filter = Filters.and(Filters.eq("_id", batteryId), NOT_RETIRED, Filters.eq("version", expectedVersion));
        return write(filter, new ArrayList<>(sets), markers, events);
    }

    public Uni<Battery> retire(String batteryId, long expectedVersion, List<InventoryMarker> markers) {
        Bson filter = Filters.and(Filters.eq("_id", batteryId), NOT_RETIRED, Filters.eq("version", expectedVersion));
        List<Bson> sets = new ArrayList<>();
        sets.add(Updates.set("retiredAt", new Date()));
        return write(filter, sets, markers, List.of());
    }

    // ---- logistics and repairs -------------------------------------------------------------------------------

    /** A named battery at the job's source → in transit with the job. */
    public Uni<Battery> pickUp(String batteryId, TransitLeg leg, Collection<BatteryStatus> fromStatuses,
            InventoryMarker marker) {
        Bson filter = Filters.and(Filters.eq("_id", batteryId), NOT_RETIRED,
                Filters.in("status", fromStatuses.stream().map(Enum::name).toList()),
                Filters.eq("locationType", leg.fromType.name()), Filters.eq("locationId", leg.fromId));
        return write(filter, transitSets(leg), List.of(marker), List.of());
    }

    /** Any battery at the job's source in one of {@code fromStatuses} (best SOH first) → in transit with the job. */
    public Uni<Battery> pickAny(TransitLeg leg, BatteryStatus fromStatus, InventoryMarker marker) {
        Bson filter = Filters.and(NOT_RETIRED, Filters.eq("status", fromStatus.name()),
                Filters.eq("locationType", leg.fromType.name()), Filters.eq("locationId", leg.fromId));
        List<Bson> sets = transitSets(leg);
        List<Bson> updates = common(sets, List.of(marker), List.of());
        return mongoCollection().findOneAndUpdate(filter, Updates.combine(updates),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).sort(Sorts.descending("soh")));
    }

    /** In transit with {@code jobId} → at the destination with {@code next}. */
    public Uni<Battery> deliver(String batteryId, String jobId, BatteryStatus next, LocationType toType, String toId,
            InventoryMarker marker) {
        Bson filter = Filters.and(Filters.eq("_id", batteryId), NOT_RETIRED,
                Filters.eq("status", BatteryStatus.IN_TRANSIT.name()),
                Filters.eq("locationType", LocationType.TRANSIT.name()), Filters.eq("locationId", jobId));
        List<Bson> sets = statusChange(next);
        sets.add(Updates.set("locationType", toType.name()));
        sets.add(Updates.set("locationId", toId));
        sets.add(Updates.set("transit", null));
        if (next == BatteryStatus.QUARANTINED) {
            sets.add(Updates.set("faultFlagged", false));
        }
        return write(filter, sets, List.of(marker), List.of());
    }

    /** Quarantined → back in service after a repair ticket. */
    public Uni<Battery> returnToService(String batteryId, BatteryStatus next, String ticketId, InventoryMarker marker) {
        Bson filter = Filters.and(Filters.eq("_id", batteryId), NOT_RETIRED,
                Filters.eq("status", BatteryStatus.QUARANTINED.name()));
        List<Bson> sets = statusChange(next);
        sets.add(Updates.set("lastTicketId", ticketId));
        sets.add(Updates.set("faultFlagged", false));
        return write(filter, sets, marker == null ? List.of() : List.of(marker), List.of());
    }

    /** Charging since before {@code before} → charged. */
    public Uni<Battery> finishCharging(String batteryId, Instant before, InventoryMarker marker) {
        Bson filter = Filters.and(Filters.eq("_id", batteryId), NOT_RETIRED,
                Filters.eq("status", BatteryStatus.CHARGING.name()), Filters.lt("statusChangedAt", before));
        return write(filter, statusChange(BatteryStatus.CHARGED), List.of(marker), List.of());
    }

    // ---- building blocks -------------------------------------------------------------------------------------

    private Uni<Battery> write(Bson filter, List<Bson> sets, List<InventoryMarker> markers, List<OutboxEntry> events) {
        return mongoCollection().findOneAndUpdate(filter, Updates.combine(common(sets, markers, events)), AFTER);
    }

    private static List<Bson> common(List<Bson> sets, List<InventoryMarker> markers, List<OutboxEntry> events) {
        List<Bson> updates = new ArrayList<>(sets);
        updates.add(Updates.set("updatedAt", new Date()));
        updates.add(Updates.inc("version", 1L));
        if (!markers.isEmpty()) {
            updates.add(Updates.pushEach("inventoryPending", markers.stream().map(InventoryMarker::encoded).toList()));
        }
        if (!events.isEmpty()) {
            updates.add(Updates.pushEach("outbox", events.stream().map(OutboxEntry::toDocument).toList()));
        }
        return updates;
    }

    /** The sets of a status change (status and since when). */
    public static List<Bson> statusChange(BatteryStatus next) {
        List<Bson> sets = new ArrayList<>();
        sets.add(Updates.set("status", next.name()));
        sets.add(Updates.set("statusChangedAt", new Date()));
        return sets;
    }

    private static List<Bson> transitSets(TransitLeg leg) {
        List<Bson> sets = statusChange(BatteryStatus.IN_TRANSIT);
        sets.add(Updates.set("locationType", LocationType.TRANSIT.name()));
        sets.add(Updates.set("locationId", leg.jobId));
        sets.add(Updates.set("transit", new Document("jobId", leg.jobId)
                .append("fromType", leg.fromType.name()).append("fromId", leg.fromId)
                .append("toType", leg.toType == null ? null : leg.toType.name()).append("toId", leg.toId)
                .append("previousStatus", leg.previousStatus == null ? null : leg.previousStatus.name())));
        return sets;
    }

    private static Document lastSwap(LastSwap swap) {
        return new Document("swapId", swap.swapId).append("role", swap.role).append("stationId", swap.stationId)
                .append("counterpartBatteryId", swap.counterpartBatteryId)
                .append("resultStatus", swap.resultStatus == null ? null : swap.resultStatus.name())
                .append("quarantined", swap.quarantined)
                .append("at", swap.at == null ? null : Date.from(swap.at));
    }
}
