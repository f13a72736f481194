package io.navswap.station.service;

import com.mongodb.client.model.Updates;
import io.navswap.messaging.MongoErrors;
import io.navswap.messaging.OutboxEntry;
import io.navswap.messaging.OutboxRelay;
import io.navswap.station.client.StaffDirectory;
import io.navswap.station.domain.LocationType;
import io.navswap.station.domain.Station;
import io.navswap.station.domain.StationInventory;
import io.navswap.station.repository.BatteryRepository;
import io.navswap.station.repository.StationQueueRepository;
import io.navswap.station.repository.StationRepository;
import io.navswap.station.rest.StationCreateRequest;
import io.navswap.station.rest.StationStatusView;
import io.navswap.station.rest.StationUpdateRequest;
import io.navswap.station.rest.StationView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.conversions.Bson;

/** Stations: admin create/update, reads with inventory, the cached list, and the live status. */
@ApplicationScoped
public class StationService {
    private static final int MAX_ATTEMPTS = 3;

    private final StationRepository stations;
    private final BatteryRepository batteries;
    private final StationQueueRepository queues;
    private final StationIndex index;
    private final StationListCache listCache;
    private final StationEvents events;
    private final OutboxRelay relay;
    private final StaffDirectory staff;
    private final LoadForecasts loads;

    StationService(StationRepository stations, BatteryRepository batteries, StationQueueRepository queues,
            StationIndex index, StationListCache listCache, StationEvents events, OutboxRelay relay,
            StaffDirectory staff, LoadForecasts loads) {
        this.stations = stations;
        this.batteries = batteries;
        this.queues = queues;
        this.index = index;
        this.listCache = listCache;
        this.events = events;
        this.relay = relay;
        this.staff = staff;
        this.loads = loads;
    }

    /** Active stations (optionally of one city) with their inventory summary as JSON, from the cache when fresh. */
    public Uni<String> list(String city) {
        return listCache.list(city);
    }

    /** One station with its inventory counted now (queue-service and swap-service rely on it being exact). */
    public Uni<StationView> get(String id) {
        // Independent reads, so they go out together; an unknown station still fails with its 404.
        return Uni.combine().all().unis(requireStation(id), liveInventory(id))
                .with((station, inventory) -> StationView.of(station, inventory));
    }

    public Uni<StationView> create(StationCreateRequest request) {
        Instant now = Instant.now();
        Station station = new Station();
        station.id = request.stationId();
        station.name = request.name().trim();
        station.city = request.city().trim();
        station.cityKey = Station.cityKey(request.city());
        station.latitude = request.latitude();
        station.longitude = request.longitude();
        station.capacity = request.capacity();
        station.active = request.active() == null || request.active();
        station.address = request.address();
        station.createdAt = now;
        station.updatedAt = now;
        station.inventory = StationInventory.of(Map.of(), List.of(), now);
        // A new station starts empty: logistics learns of it (and can stock it) from this first announcement.
        station.outbox = new ArrayList<>(List.of(
                events.inventoryChanged(station.id, station.capacity, station.inventory, "station-created")));
        return stations.persist(station)
                .onFailure(MongoErrors::isDuplicateKey).transform(e -> StationProblems.stationExists(request.stationId()))
                .call(saved -> listCache.invalidate(saved.city))
                .invoke(saved -> {
                    index.apply(saved);
                    relay.nudge(stations.mongoCollection(), saved.id);
                })
                .map(StationView::of);
    }

    public Uni<StationView> update(String id, StationUpdateRequest request) {
        return update(id, request, 1);
    }

    private Uni<StationView> update(String id, StationUpdateRequest request, int attempt) {
        return requireStation(id).chain(station -> {
            if (request.version() != null && request.version() != station.version) {
                throw StationProblems.versionConflict("Station", id, request.version(), station.version);
            }
            List<Bson> sets = new ArrayList<>();
            setIfChanged(sets, "name", trim(request.name()), station.name);
            if (request.city() != null && !request.city().trim().equals(station.city)) {
                sets.add(Updates.set("city", request.city().trim()));
                sets.add(Updates.set("cityKey", Station.cityKey(request.city())));
            }
            setIfChanged(sets, "latitude", request.latitude(), station.latitude);
            setIfChanged(sets, "longitude", request.longitude(), station.longitude);
            setIfChanged(sets, "capacity", request.capacity(), station.capacity);
            setIfChanged(sets, "active", request.active(), station.active);
            setIfChanged(sets, "address", request.address(), station.address);
            if (sets.isEmpty()) {
                return Uni.createFrom().item(StationView.of(station));
            }
            boolean capacityChanged = request.capacity() != null && request.capacity() != station.capacity;
            boolean activeChanged = request.active() != null && request.active() != station.active;
            OutboxEntry event = null;
            if (capacityChanged || activeChanged) {
                // Logistics plans against capacity and active stations, so both changes are announced with the counts.
                int capacity = capacityChanged ? request.capacity() : station.capacity;
                StationInventory inventory = station.inventory == null ? StationInventory.empty() : station.inventory;
                event = events.inventoryChanged(id, capacity, inventory,
                        activeChanged ? (request.active() ? "station-activated" : "station-deactivated") : "capacity-changed");
            }
            OutboxEntry announced = event;
            return stations.updateFields(id, station.version, sets, event).chain(updated -> {
                if (updated == null) {
                    if (request.version() != null || attempt >= MAX_ATTEMPTS) {
                        return Uni.createFrom().failure(StationProblems.concurrentUpdate("Station", id));
                    }
                    return update(id, request, attempt + 1);
                }
                index.apply(updated);
                if (announced != null) {
                    relay.nudge(stations.mongoCollection(), id);
                }
                return listCache.invalidate(station.city, updated.city).replaceWith(StationView.of(updated));
            });
        });
    }

    /**
     * Inventory, queue and, when the other services answer, staff on duty and predicted load. Staff names are
     * shown to staff, admins and services only; riders and transporters see the count.
     */
    public Uni<StationStatusView> status(String id, boolean showStaffNames, String authorization, String requestId) {
        return requireStation(id).chain(station -> Uni.combine().all()
                .unis(liveInventory(id), queues.length(id)).asTuple()
                .chain(local -> {
                    StationInventory inventory = local.getItem1();
                    int queueLength = local.getItem2();
                    return Uni.combine().all()
                            .unis(staff.onDuty(id, authorization, requestId),
                                    loads.comingHour(station, authorization, requestId))
                            .asTuple()
                            .map(remote -> {
                                var onDuty = remote.getItem1();
                                var load = remote.getItem2();
                                Map<String, Integer> counts = new LinkedHashMap<>();
                                inventory.countsWithZeros().forEach((status, n) -> counts.put(status, n));
                                return new StationStatusView(station.id, station.name, station.city, station.active,
                                        station.capacity, counts, inventory.chargedAvailable(), inventory.bestChargedSoh(),
                                        queueLength,
                                        onDuty.isPresent() && showStaffNames ? onDuty.get() : null,
                                        onDuty.map(List::size).orElse(null),
                                        onDuty.isPresent(),
                                        new StationStatusView.PredictedLoad(load.swapsPerHour(), load.hour(),
                                                load.source(), load.modelVersion(), load.fallbackReason()),
                                        load.fromAiService(),
                                        Instant.now());
                            });
                }));
    }

    public Uni<Station> requireStation(String id) {
        return stations.findById(id).map(station -> {
            if (station == null) {
                throw StationProblems.stationNotFound(id);
            }
            return station;
        });
    }

    private Uni<StationInventory> liveInventory(String stationId) {
        return batteries.atPlace(LocationType.STATION, stationId).map(InventoryCounts::of);
    }

    private static void setIfChanged(List<Bson> sets, String field, Object requested, Object current) {
        if (requested != null && !Objects.equals(requested, current)) {
            sets.add(Updates.set(field, requested));
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
