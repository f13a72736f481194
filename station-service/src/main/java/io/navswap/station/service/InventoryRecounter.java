package io.navswap.station.service;

import io.navswap.messaging.OutboxEntry;
import io.navswap.messaging.OutboxRelay;
import io.navswap.messaging.PeriodicTasks;
import io.navswap.station.config.StationConfig;
import io.navswap.station.domain.Battery;
import io.navswap.station.domain.InventoryMarker;
import io.navswap.station.domain.LocationType;
import io.navswap.station.domain.StationInventory;
import io.navswap.station.repository.BatteryRepository;
import io.navswap.station.repository.PartnerShopRepository;
import io.navswap.station.repository.StationRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps station inventories and partner-shop stock in step with the battery documents, and announces station
 * changes with {@code inventory.changed}.
 *
 * <p>Why this shape: a battery write cannot also update the station document atomically (no transactions), and
 * the event must carry the station's counts <em>after</em> the change. So every battery write leaves a marker
 * in its own document (same single-document write as the change, so it cannot be lost); this recounter then
 * counts the place from the battery documents (a count that starts after the marker was read includes that
 * change), stores the summary on the station with the event in the station's outbox (one conditional write,
 * guarded by {@code inventoryVersion} so a slower concurrent recount can never overwrite a newer one) and only
 * then removes the markers it handled. A crash anywhere repeats work, never loses it; an unchanged count writes
 * nothing and announces nothing.
 */
@ApplicationScoped
public class InventoryRecounter {
    private static final Logger LOG = Logger.getLogger(InventoryRecounter.class);
    private static final int MAX_ATTEMPTS = 5;

    private final BatteryRepository batteries;
    private final StationRepository stations;
    private final PartnerShopRepository shops;
    private final StationEvents events;
    private final OutboxRelay relay;
    private final StationIndex index;
    private final StationListCache listCache;
    private final int batchSize;
    private final PeriodicTasks.Task pass;

    InventoryRecounter(BatteryRepository batteries, StationRepository stations, PartnerShopRepository shops,
            StationEvents events, OutboxRelay relay, StationIndex index, StationListCache listCache,
            StationConfig config, PeriodicTasks tasks) {
        this.batteries = batteries;
        this.stations = stations;
        this.shops = shops;
        this.events = events;
        this.relay = relay;
        this.index = index;
        this.listCache = listCache;
        this.batchSize = config.inventory().batchSize();
        // Nudged and timed passes are one task, so they never overlap; a failed pass leaves its markers.
        this.pass = tasks.task("inventory-recount", this::recountPending);
    }

    /** Asks for a pass now (after a battery write); passes never overlap, a nudge during one causes another. */
    public void nudge() {
        pass.runNow();
    }

    /** Starts the timed passes (after the startup pass), which pick up markers whose nudge was lost. */
    public void recountEvery(Duration interval) {
        pass.every(interval);
    }

    /**
     * One pass: every place named by pending markers (a bounded batch of batteries) is recounted once, then the
     * cached station lists are renewed once for all stations whose counts changed (a charging tick completes
     * batteries at many stations; renewing the unfiltered list per station would reload it that many times).
     */
    public Uni<Integer> recountPending() {
        return batteries.withPendingMarkers(batchSize).chain(pending -> {
            if (pending.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            // place -> (battery id -> its markers for that place), and the reasons given for the place
            Map<String, Map<String, List<String>>> byPlace = new LinkedHashMap<>();
            Map<String, Set<String>> reasons = new LinkedHashMap<>();
            Map<String, InventoryMarker> samples = new LinkedHashMap<>();
            for (Battery battery : pending) {
                for (String encoded : battery.inventoryPending) {
                    InventoryMarker marker = InventoryMarker.parse(encoded).orElse(null);
                    String place = marker == null ? "invalid" : marker.place();
                    byPlace.computeIfAbsent(place, p -> new LinkedHashMap<>())
                            .computeIfAbsent(battery.id, b -> new ArrayList<>()).add(encoded);
                    if (marker != null) {
                        reasons.computeIfAbsent(place, p -> new TreeSet<>()).add(marker.reason());
                        samples.putIfAbsent(place, marker);
                    }
                }
            }
            Set<String> changedCities = new LinkedHashSet<>();
            return Multi.createFrom().iterable(byPlace.entrySet())
                    .onItem().transformToUniAndConcatenate(entry -> {
                        InventoryMarker sample = samples.get(entry.getKey());
                        Uni<Void> recount = sample == null ? Uni.createFrom().voidItem()
                                : recount(sample, String.join(",", reasons.get(entry.getKey())), changedCities);
                        return recount.chain(() -> removeMarkers(entry.getValue())).replaceWith(1)
                                .onFailure().recoverWithItem(e -> {
                                    LOG.warnf(e, "Recount of %s failed; its markers stay for the next pass", entry.getKey());
                                    return 0;
                                });
                    })
                    .collect().with(Collectors.summingInt(Integer::intValue))
                    .call(() -> changedCities.isEmpty() ? Uni.createFrom().voidItem()
                            : listCache.invalidate(changedCities.toArray(String[]::new)));
        });
    }

    private Uni<Void> recount(InventoryMarker place, String reason, Set<String> changedCities) {
        return switch (place.kind()) {
            case STATION -> recountStation(place.placeId(), reason, 1, changedCities);
            case SHOP -> recountShop(place.placeId(), 1).replaceWithVoid();
        };
    }

    /** Recounts one station; a station whose counts changed adds its city to {@code changedCities}. */
    private Uni<Void> recountStation(String stationId, String reason, int attempt, Set<String> changedCities) {
        return stations.findById(stationId).chain(station -> {
            if (station == null) {
                LOG.warnf("Batteries moved to unknown station %s; nothing to recount", stationId);
                return Uni.createFrom().voidItem();
            }
            return batteries.atPlace(LocationType.STATION, stationId).chain(found -> {
                StationInventory counted = InventoryCounts.of(found);
                if (counted.sameAs(station.inventory)) {
                    return Uni.createFrom().voidItem();
                }
                OutboxEntry event = station.inventory != null && counted.sameCounts(station.inventory) ? null
                        : events.inventoryChanged(stationId, station.capacity, counted, reason);
                return stations.applyInventory(stationId, station.inventoryVersion, counted, event).chain(updated -> {
                    if (updated == null) {
                        if (attempt >= MAX_ATTEMPTS) {
                            return Uni.createFrom().failure(new IllegalStateException(
                                    "Station " + stationId + " inventory kept changing during " + attempt + " recounts"));
                        }
                        return recountStation(stationId, reason, attempt + 1, changedCities);
                    }
                    index.apply(updated);
                    if (event != null) {
                        relay.nudge(stations.mongoCollection(), stationId);
                    }
                    changedCities.add(updated.city);
                    return Uni.createFrom().voidItem();
                });
            });
        });
    }

    private Uni<Void> recountShop(String shopId, int attempt) {
        return shops.findById(shopId).chain(shop -> {
            if (shop == null) {
                LOG.warnf("Batteries moved to unknown partner shop %s; nothing to recount", shopId);
                return Uni.createFrom().voidItem();
            }
            return batteries.atPlace(LocationType.PARTNER_SHOP, shopId).chain(found -> {
                StationInventory counted = InventoryCounts.of(found);
                if (counted.sameCounts(shop.stock)) {
                    return Uni.createFrom().voidItem();
                }
                return shops.applyStock(shopId, shop.stockVersion, counted).chain(updated -> {
                    if (updated == null && attempt < MAX_ATTEMPTS) {
                        return recountShop(shopId, attempt + 1);
                    }
                    return updated == null
                            ? Uni.createFrom().failure(new IllegalStateException("Shop " + shopId + " stock kept changing"))
                            : Uni.createFrom().voidItem();
                });
            });
        });
    }

    private Uni<Void> removeMarkers(Map<String, List<String>> markersByBattery) {
        return Multi.createFrom().iterable(markersByBattery.entrySet())
                .onItem().transformToUniAndConcatenate(e -> batteries.removeMarkers(e.getKey(), new LinkedHashSet<>(e.getValue())))
                .collect().last().replaceWithVoid();
    }
}
