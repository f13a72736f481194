package io.navswap.logistics.service;

import io.navswap.logistics.client.Advice;
import io.navswap.logistics.client.AiAdvisor;
import io.navswap.logistics.client.AiRequests;
import io.navswap.logistics.client.Heuristics;
import io.navswap.logistics.config.LogisticsConfig;
import io.navswap.logistics.domain.BatteryStatuses;
import io.navswap.logistics.domain.Geo;
import io.navswap.logistics.domain.JobOrigin;
import io.navswap.logistics.domain.JobPriority;
import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.domain.PartnerShop;
import io.navswap.logistics.domain.Place;
import io.navswap.logistics.domain.PlaceType;
import io.navswap.logistics.domain.StationSnapshot;
import io.navswap.logistics.domain.TransportJob;
import io.navswap.logistics.repository.StationSnapshotRepository;
import io.navswap.logistics.repository.SwapActivityRepository;
import io.navswap.logistics.repository.TransportJobRepository;
import io.navswap.shared.events.InventoryChanged;
import io.navswap.shared.geo.Haversine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns inventory changes into jobs. For each {@code inventory.changed} of a station:
 * <ol>
 * <li>the station read model takes the new counts (older events are ignored);</li>
 * <li><b>shortage</b>: charged stock below {@code low-stock-ratio} of capacity, or the stock-order model says to
 * reorder (asked only below {@code watch-ratio}), creates a job to the station from the best source: a
 * surplus station (rebalancing model, else "equalise inventory"), otherwise a partner shop with stock
 * (partner-allocation model, else "nearest shop");</li>
 * <li><b>overflow</b>: more batteries on site than slots creates a job from the station to the nearest partner
 * shop with room (partner-allocation model, else "nearest shop").</li>
 * </ol>
 * One live job per shortage and per overflow: the job's open key is unique, so a redelivered event or a second
 * shortage event while a job is under way creates nothing.
 */
@ApplicationScoped
public class RebalancingPlanner {
    private static final Logger LOG = Logger.getLogger(RebalancingPlanner.class);
    /** Demand curves follow local time; every NavSwap city is in India. */
    private static final ZoneId OPERATIONS_ZONE = ZoneId.of("Asia/Kolkata");
    private static final int REBALANCING_HORIZON_HOURS = 4;
    /** ai-service takes at most 100 stations per rebalancing request (the target and 99 sources)... */
    private static final int MAX_REBALANCING_SOURCES = 99;
    /** ...and at most 50 shops per partner-allocation request: the nearest are sent. */
    private static final int MAX_ALLOCATION_SHOPS = 50;

    private final StationSnapshotRepository snapshots;
    private final TransportJobRepository jobs;
    private final PlaceDirectory places;
    private final AiAdvisor ai;
    private final JobService jobService;
    private final SwapActivityRepository swapActivity;
    private final LogisticsConfig config;

    RebalancingPlanner(StationSnapshotRepository snapshots, TransportJobRepository jobs, PlaceDirectory places,
            AiAdvisor ai, JobService jobService, SwapActivityRepository swapActivity, LogisticsConfig config) {
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.places = places;
        this.ai = ai;
        this.jobService = jobService;
        this.swapActivity = swapActivity;
        this.config = config;
    }

    /** Applies one inventory event; answers the job it created, if any. */
    public Uni<TransportJob> onInventoryChanged(InventoryChanged change, String eventId, Instant occurredAt) {
        Instant at = change.changedAt() != null ? change.changedAt() : occurredAt;
        Map<String, Integer> counts = change.countsByStatus() == null ? Map.of() : change.countsByStatus();
        return snapshots.applyCounts(change.stationId(), change.capacity(), new HashMap<>(counts), at, eventId)
                .chain(snapshot -> {
                    if (snapshot == null) {
                        LOG.debugf("Inventory event %s for %s is older than the known counts; skipped", eventId,
                                change.stationId());
                        return Uni.createFrom().nullItem();
                    }
                    return places.located(snapshot).chain(this::plan);
                });
    }

    private Uni<TransportJob> plan(StationSnapshot station) {
        if (station.capacity <= 0) {
            return Uni.createFrom().nullItem();
        }
        if (!station.located()) {
            LOG.warnf("No coordinates for %s yet; its stock is recorded and will be planned on its next change",
                    station.id);
            return Uni.createFrom().nullItem();
        }
        int charged = station.count(BatteryStatuses.CHARGED);
        if (charged < station.capacity * config.rebalancing().watchRatio()) {
            return planShortage(station);
        }
        if (station.onSite() > station.capacity) {
            return planOverflow(station);
        }
        return Uni.createFrom().nullItem();
    }

    // ---- shortage ----------------------------------------------------------------------------------------

    private Uni<TransportJob> planShortage(StationSnapshot station) {
        String openKey = JobDraft.shortageKey(station.id);
        return jobs.findByOpenKey(openKey).chain(existing -> {
            if (existing != null) {
                LOG.debugf("%s is short but job %s already serves it", station.id, existing.id);
                return Uni.createFrom().nullItem();
            }
            return demand().chain(demand -> ai.stockOrder(stockOrderRequest(station, demand)).chain(advice -> {
                int charged = station.count(BatteryStatuses.CHARGED);
                boolean belowThreshold = charged < station.capacity * config.rebalancing().lowStockRatio();
                if (!belowThreshold && !advice.reorder()) {
                    return Uni.createFrom().nullItem();
                }
                Advice.StockOrder heuristic = Heuristics.stockOrder(stockOrderRequest(station, demand),
                        config.rebalancing().lowStockRatio(), config.rebalancing().targetRatio());
                int wanted = advice.quantity() > 0 ? advice.quantity() : Math.max(1, heuristic.quantity());
                int needed = Math.min(wanted, config.rebalancing().maxBatteriesPerJob());
                JobPriority priority = JobPriority.fromUrgency(advice.urgency() != null ? advice.urgency()
                        : heuristic.urgency());
                String reason = String.format(Locale.ROOT, "charged %d of %d%s; stock order %s (%s)", charged,
                        station.capacity, belowThreshold
                                ? String.format(Locale.ROOT, " (< %.0f %%)", config.rebalancing().lowStockRatio() * 100)
                                : "",
                        advice.quantity(), Advice.plannedBy(advice.source(), advice.modelVersion()));
                return chooseSupply(station, needed, demand).chain(supply -> {
                    if (supply.isEmpty()) {
                        LOG.warnf("%s needs %d batteries but no surplus station or partner shop within %.0f km has any",
                                station.id, needed, config.rebalancing().maxSourceDistanceKm());
                        return Uni.createFrom().nullItem();
                    }
                    Supply s = supply.get();
                    return jobService.create(new JobDraft(JobOrigin.REBALANCING, priority, s.place(), place(station),
                            s.count(), openKey, reason, s.plannedBy(), "logistics-service", null));
                });
            }));
        });
    }

    /** A surplus station if there is one, else a partner shop with stock. */
    private Uni<Optional<Supply>> chooseSupply(StationSnapshot target, int needed, Demand demand) {
        return Uni.combine().all().unis(places.allStations(), jobs.live()).asTuple().chain(tuple -> {
            Commitments commitments = Commitments.of(tuple.getItem2());
            List<AiRequests.StationStock> candidates = tuple.getItem1().stream()
                    .filter(s -> !s.id.equals(target.id) && s.located() && !Boolean.FALSE.equals(s.active))
                    .filter(s -> s.count(BatteryStatuses.CHARGED) > s.capacity * config.rebalancing().surplusRatio())
                    .map(s -> stationStock(s, target, commitments.outbound(s.id), demand))
                    .filter(s -> s.surplus() > 0 && s.distanceKm() <= config.rebalancing().maxSourceDistanceKm())
                    .toList();
            Uni<Optional<Supply>> fromStations = candidates.isEmpty()
                    ? Uni.createFrom().item(Optional.empty())
                    : fromSurplusStation(target, needed, candidates, tuple.getItem1(), demand);
            return fromStations.chain(found -> found.isPresent()
                    ? Uni.createFrom().item(found)
                    : fromPartnerShop(target, needed, commitments));
        });
    }

    private Uni<Optional<Supply>> fromSurplusStation(StationSnapshot target, int needed,
            List<AiRequests.StationStock> candidates, List<StationSnapshot> all, Demand demand) {
        List<AiRequests.StationStock> stations = new java.util.ArrayList<>();
        stations.add(stationStock(target, target, 0, demand));
        candidates.stream().sorted(java.util.Comparator.comparingDouble(AiRequests.StationStock::distanceKm))
                .limit(MAX_REBALANCING_SOURCES).forEach(stations::add);
        AiRequests.Rebalancing request = new AiRequests.Rebalancing(stations, REBALANCING_HORIZON_HOURS, hourNow(),
                target.id, needed);
        return ai.rebalancing(request).map(advice -> {
            Optional<Supply> chosen = pickMove(advice, request, all);
            if (chosen.isEmpty() && !Advice.LOCAL_HEURISTIC.equals(advice.source())) {
                LOG.infof("Rebalancing model proposed no usable move to %s; equalising inventory", target.id);
                chosen = pickMove(Heuristics.equalise(request), request, all);
            }
            return chosen;
        });
    }

    private Optional<Supply> pickMove(Advice.Rebalancing advice, AiRequests.Rebalancing request,
            List<StationSnapshot> all) {
        for (Advice.Move move : advice.moves()) {
            if (!request.targetStationId().equals(move.toStationId())) {
                continue;
            }
            Optional<AiRequests.StationStock> from = request.stations().stream()
                    .filter(s -> s.stationId().equals(move.fromStationId())).findFirst();
            if (from.isEmpty()) {
                continue;
            }
            int count = Math.min(Math.min(move.count(), from.get().surplus()), request.batteriesNeeded());
            Optional<StationSnapshot> snapshot = all.stream().filter(s -> s.id.equals(move.fromStationId())).findFirst();
            if (count > 0 && snapshot.isPresent()) {
                return Optional.of(new Supply(place(snapshot.get()), count,
                        Advice.plannedBy(advice.source(), advice.modelVersion())));
            }
        }
        return Optional.empty();
    }

    /**
     * Collecting from a partner shop: the nearest one with stock that can leave. ai-service's partner-allocation
     * model answers where to <em>park</em> batteries, not where to fetch them, so it is not asked here.
     */
    private Uni<Optional<Supply>> fromPartnerShop(StationSnapshot target, int needed, Commitments commitments) {
        return places.partnerShops().map(shops -> {
            List<AiRequests.ShopStock> candidates = shops.stream()
                    .map(shop -> shopStock(shop, target, commitments))
                    .filter(s -> s.available() > 0 && s.distanceKm() <= config.rebalancing().maxSourceDistanceKm())
                    .toList();
            if (candidates.isEmpty()) {
                return Optional.<Supply>empty();
            }
            AiRequests.PartnerAllocation request = new AiRequests.PartnerAllocation(target.id, target.latitude,
                    target.longitude, needed, hourNow(), candidates, AiRequests.PartnerAllocation.COLLECT);
            return pickShop(Heuristics.nearestShop(request), request, shops, true);
        });
    }

    // ---- overflow ----------------------------------------------------------------------------------------

    private Uni<TransportJob> planOverflow(StationSnapshot station) {
        String openKey = JobDraft.overflowKey(station.id);
        int overflow = station.onSite() - station.capacity;
        int movable = Math.min(Math.min(overflow, station.count(BatteryStatuses.CHARGED)),
                config.rebalancing().maxBatteriesPerJob());
        if (movable <= 0) {
            return Uni.createFrom().nullItem();
        }
        return jobs.findByOpenKey(openKey).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().nullItem();
            }
            return Uni.combine().all().unis(places.partnerShops(), jobs.live()).asTuple().chain(tuple -> {
                Commitments commitments = Commitments.of(tuple.getItem2());
                List<PartnerShop> shops = tuple.getItem1();
                List<AiRequests.ShopStock> candidates = shops.stream()
                        .map(shop -> shopStock(shop, station, commitments))
                        .filter(s -> s.freeSlots() > 0 && s.capacity() > 0
                                && s.distanceKm() <= config.rebalancing().maxSourceDistanceKm())
                        .sorted(java.util.Comparator.comparingDouble(AiRequests.ShopStock::distanceKm))
                        .limit(MAX_ALLOCATION_SHOPS)
                        .toList();
                if (candidates.isEmpty()) {
                    LOG.warnf("%s is %d over capacity but no partner shop within %.0f km has room", station.id,
                            overflow, config.rebalancing().maxSourceDistanceKm());
                    return Uni.createFrom().nullItem();
                }
                AiRequests.PartnerAllocation request = new AiRequests.PartnerAllocation(station.id, station.latitude,
                        station.longitude, movable, hourNow(), candidates, AiRequests.PartnerAllocation.STORE);
                return ai.partnerAllocation(request).chain(advice -> {
                    Optional<Supply> shop = pickShop(advice, request, shops, false)
                            .or(() -> pickShop(Heuristics.nearestShop(request), request, shops, false));
                    if (shop.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    String reason = String.format(Locale.ROOT, "%d batteries on site for %d slots", station.onSite(),
                            station.capacity);
                    return jobService.create(new JobDraft(JobOrigin.OVERFLOW, JobPriority.NORMAL, place(station),
                            shop.get().place(), shop.get().count(), openKey, reason, shop.get().plannedBy(),
                            "logistics-service", null));
                });
            });
        });
    }

    private Optional<Supply> pickShop(Advice.PartnerAllocation advice, AiRequests.PartnerAllocation request,
            List<PartnerShop> shops, boolean collect) {
        for (Advice.Assignment assignment : advice.assignments()) {
            Optional<AiRequests.ShopStock> stock = request.shops().stream()
                    .filter(s -> s.shopId().equals(assignment.shopId())).findFirst();
            Optional<PartnerShop> shop = shops.stream().filter(s -> s.id().equals(assignment.shopId())).findFirst();
            if (stock.isEmpty() || shop.isEmpty()) {
                continue;
            }
            int limit = collect ? stock.get().available() : stock.get().freeSlots();
            int count = Math.min(Math.min(assignment.count(), limit), request.batteryCount());
            if (count > 0) {
                return Optional.of(new Supply(shop.get().place(), count,
                        Advice.plannedBy(advice.source(), advice.modelVersion())));
            }
        }
        return Optional.empty();
    }

    // ---- inputs ------------------------------------------------------------------------------------------

    private AiRequests.StockOrder stockOrderRequest(StationSnapshot station, Demand demand) {
        int capacity = Math.max(1, station.capacity);
        int charged = Math.min(station.count(BatteryStatuses.CHARGED), capacity);
        // ai-service refuses charged + charging above capacity; slots are what the models reason about.
        int charging = Math.min(station.count(BatteryStatuses.CHARGING), capacity - charged);
        return new AiRequests.StockOrder(station.id, capacity, charged, charging, demand.perHour(station.id), null,
                hourNow());
    }

    /** What a station can give: charged stock above its target level, less what live jobs already take. */
    private AiRequests.StationStock stationStock(StationSnapshot s, StationSnapshot target, int committedOutbound,
            Demand demand) {
        int capacity = Math.max(1, s.capacity);
        int charged = s.count(BatteryStatuses.CHARGED);
        int keep = (int) Math.ceil(s.capacity * config.rebalancing().targetRatio());
        int surplus = Math.max(0, charged - keep - committedOutbound);
        boolean isTarget = s.id.equals(target.id);
        double distance = isTarget ? 0
                : Geo.round2(Haversine.km(s.latitude, s.longitude, target.latitude, target.longitude));
        int sentCharged = Math.min(charged, capacity);
        return new AiRequests.StationStock(s.id, capacity, sentCharged,
                Math.min(s.count(BatteryStatuses.CHARGING), capacity - sentCharged), demand.perHour(s.id), s.latitude,
                s.longitude, isTarget ? 0 : surplus, distance);
    }

    /** A shop as the models see it: free slots after what live jobs bring, stock after what they take. */
    private AiRequests.ShopStock shopStock(PartnerShop shop, StationSnapshot station, Commitments commitments) {
        int available = Math.max(0, shop.available() - commitments.outbound(shop.id()));
        int free = Math.max(0, Math.min(shop.capacity(), shop.room() - commitments.inbound(shop.id())));
        return new AiRequests.ShopStock(shop.id(), shop.latitude(), shop.longitude(), free, shop.capacity(),
                config.rebalancing().shopHandlingMinutesPerBattery(), available,
                Geo.round2(Haversine.km(station.latitude, station.longitude, shop.latitude(), shop.longitude())));
    }

    private static int hourNow() {
        return ZonedDateTime.now(OPERATIONS_ZONE).getHour();
    }

    private Uni<Demand> demand() {
        Instant now = Instant.now();
        return Uni.combine().all().unis(swapActivity.countsSince(now.minus(Duration.ofHours(1))),
                        swapActivity.countsSince(now.minus(Duration.ofDays(1))))
                .with(Demand::new)
                .onFailure().recoverWithItem(new Demand(Map.of(), Map.of()));
    }

    /** Swaps per station in the last hour and day (from {@code swap.completed}). */
    private record Demand(Map<String, Integer> lastHour, Map<String, Integer> lastDay) {
        /** Last hour's swaps as the forecast for the next; unknown (null) for a station without a swap in a day. */
        Double perHour(String stationId) {
            return lastDay.containsKey(stationId) ? (double) lastHour.getOrDefault(stationId, 0) : null;
        }
    }

    private static Place place(StationSnapshot s) {
        return new Place(PlaceType.STATION, s.id, s.name, s.latitude, s.longitude);
    }

    private record Supply(Place place, int count, String plannedBy) {
    }

    /** Batteries live jobs will take from (outbound) or bring to (inbound) each place. */
    private record Commitments(Map<String, Integer> outbound, Map<String, Integer> inbound) {
        static Commitments of(List<TransportJob> live) {
            Map<String, Integer> out = new HashMap<>();
            Map<String, Integer> in = new HashMap<>();
            for (TransportJob job : live) {
                // Picked-up batteries have already left their source: its counts show it.
                if (job.status != JobStatus.PICKED_UP) {
                    out.merge(job.sourceId, job.batteryCount, Integer::sum);
                }
                in.merge(job.destinationId, job.batteryCount, Integer::sum);
            }
            return new Commitments(out, in);
        }

        int outbound(String placeId) {
            return outbound.getOrDefault(placeId, 0);
        }

        int inbound(String placeId) {
            return inbound.getOrDefault(placeId, 0);
        }
    }
}
