package io.navswap.ai.service;

import static io.navswap.ai.model.ModelCatalog.ACTION;
import static io.navswap.ai.model.ModelCatalog.ARRIVAL;
import static io.navswap.ai.model.ModelCatalog.BATTERY_TREND;
import static io.navswap.ai.model.ModelCatalog.DIVERSION;
import static io.navswap.ai.model.ModelCatalog.ENERGY_STABILITY;
import static io.navswap.ai.model.ModelCatalog.FAULT;
import static io.navswap.ai.model.ModelCatalog.LOAD;
import static io.navswap.ai.model.ModelCatalog.MICRO_TRAFFIC;
import static io.navswap.ai.model.ModelCatalog.PARTNER_ALLOCATION;
import static io.navswap.ai.model.ModelCatalog.REBALANCING;
import static io.navswap.ai.model.ModelCatalog.STATION_RELIABILITY;
import static io.navswap.ai.model.ModelCatalog.STOCK_ORDER;
import static io.navswap.ai.model.ModelCatalog.TRAFFIC;

import io.micrometer.core.instrument.MeterRegistry;
import io.navswap.ai.config.AiConfig;
import io.navswap.ai.domain.Answer;
import io.navswap.ai.domain.FeatureRow;
import io.navswap.ai.domain.Inference;
import io.navswap.ai.domain.Move;
import io.navswap.ai.domain.MovePlanner;
import io.navswap.ai.model.Cities;
import io.navswap.ai.model.Fallbacks;
import io.navswap.ai.model.Geo;
import io.navswap.ai.model.ModelSpec;
import io.navswap.ai.model.PowerFeatures;
import io.navswap.ai.rest.ActionPrediction;
import io.navswap.ai.rest.ArrivalPrediction;
import io.navswap.ai.rest.BatteryTrendPrediction;
import io.navswap.ai.rest.DiversionPrediction;
import io.navswap.ai.rest.EnergyStabilityPrediction;
import io.navswap.ai.rest.FaultPrediction;
import io.navswap.ai.rest.ForecastTrafficRequest;
import io.navswap.ai.rest.LoadPrediction;
import io.navswap.ai.rest.MicroTrafficPrediction;
import io.navswap.ai.rest.PartnerAllocationPrediction;
import io.navswap.ai.rest.PredictActionRequest;
import io.navswap.ai.rest.PredictArrivalRequest;
import io.navswap.ai.rest.PredictBatteryTrendRequest;
import io.navswap.ai.rest.PredictDiversionRequest;
import io.navswap.ai.rest.PredictEnergyStabilityRequest;
import io.navswap.ai.rest.PredictFaultRequest;
import io.navswap.ai.rest.PredictLoadRequest;
import io.navswap.ai.rest.PredictMicroTrafficRequest;
import io.navswap.ai.rest.PredictPartnerAllocationRequest;
import io.navswap.ai.rest.PredictRebalancingRequest;
import io.navswap.ai.rest.PredictStationReliabilityRequest;
import io.navswap.ai.rest.PredictStockOrderRequest;
import io.navswap.ai.rest.RebalancingPrediction;
import io.navswap.ai.rest.StationReliabilityPrediction;
import io.navswap.ai.rest.StockOrderPrediction;
import io.navswap.ai.rest.TrafficForecast;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The 13 predictions. Each request is first normalised (defaults made explicit, names trimmed), which is
 * also its cache key; then the model is asked through features named by its contract, and the fallback
 * heuristic of SPEC.md answers whenever the model cannot ({@link Inference#fallbackReason()} says why).
 */
@ApplicationScoped
public class PredictionService {
    private final ModelRegistry models;
    private final PredictionCache cache;
    private final MeterRegistry meters;
    private final ZoneId zone;

    PredictionService(ModelRegistry models, PredictionCache cache, MeterRegistry meters, AiConfig config) {
        this.models = models;
        this.cache = cache;
        this.meters = meters;
        this.zone = ZoneId.of(config.zone());
    }

    private <T extends Answer> Uni<T> answer(ModelSpec spec, Object normalised, Class<T> type, Supplier<T> compute) {
        return cache.cached(spec, normalised, type, compute)
                .invoke(answer -> meters.counter("navswap.ai.predictions", "model", spec.name(), "source",
                        answer.source().json(), "cached", Boolean.toString(answer.cached())).increment());
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(zone);
    }

    // ---- load -------------------------------------------------------------------------------------------

    public Uni<LoadPrediction> load(PredictLoadRequest request) {
        ZonedDateTime next = now().plusHours(1);
        PredictLoadRequest r = new PredictLoadRequest(request.stationId().trim(), request.city().trim(),
                request.capacity(), orElse(request.hour(), next.getHour()),
                orElse(request.dayOfWeek(), next.getDayOfWeek().getValue()), orElse(request.event(), false),
                orElse(request.raining(), false), request.recentSwapsPerHour());
        return answer(LOAD, r, LoadPrediction.class, () -> {
            Inference inference = models.infer(LOAD, FeatureRow.of(LOAD)
                    .set("city_index", cityIndex(r.city())).set("capacity", r.capacity()).set("hour", r.hour())
                    .set("day_of_week", r.dayOfWeek()).set("is_event", r.event()).set("is_raining", r.raining())
                    .set("recent_swaps_per_hour", r.recentSwapsPerHour()));
            double swaps = inference.usedModel() ? Math.max(0, inference.value(0)) : Fallbacks.loadSwapsPerHour();
            return new LoadPrediction(r.stationId(), r.hour(), r.dayOfWeek(), round(swaps, 2), LOAD.name(),
                    inference.source(), inference.modelVersion(), inference.fallbackReason(), false);
        });
    }

    // ---- fault ------------------------------------------------------------------------------------------

    public Uni<FaultPrediction> fault(PredictFaultRequest request) {
        PredictFaultRequest r = new PredictFaultRequest(trim(request.batteryId()), request.soh(), request.cycles(),
                request.temperatureC(), orElse(request.recentFaults(), 0));
        return answer(FAULT, r, FaultPrediction.class, () -> {
            Inference inference = models.infer(FAULT, FeatureRow.of(FAULT).set("soh", r.soh())
                    .set("cycles", r.cycles()).set("temperature_c", r.temperatureC())
                    .set("recent_faults_30d", r.recentFaults()));
            double p = inference.usedModel() ? clamp(inference.value(0), 0, 1) : Fallbacks.faultProbability(r.soh());
            return new FaultPrediction(r.batteryId(), round(p, 4), riskLevel(p), FAULT.name(), inference.source(),
                    inference.modelVersion(), inference.fallbackReason(), false);
        });
    }

    static String riskLevel(double probability) {
        return probability >= 0.5 ? "high" : probability >= 0.2 ? "medium" : "low";
    }

    // ---- action -----------------------------------------------------------------------------------------

    public Uni<ActionPrediction> action(PredictActionRequest request) {
        PredictActionRequest r = new PredictActionRequest(trim(request.stationId()), request.queueLength(),
                request.chargedAvailable(), request.capacity(), request.staffOnDuty(), request.predictedLoadPerHour(),
                orElse(request.openFaults(), 0));
        return answer(ACTION, r, ActionPrediction.class, () -> {
            Inference inference = models.infer(ACTION, FeatureRow.of(ACTION).set("queue_length", r.queueLength())
                    .set("charged_available", r.chargedAvailable()).set("capacity", r.capacity())
                    .set("staff_on_duty", r.staffOnDuty()).set("predicted_load_per_hour", r.predictedLoadPerHour())
                    .set("open_faults", r.openFaults()));
            List<String> classes = ACTION.classes();
            if (!inference.usedModel()) {
                String action = classes.get(Fallbacks.actionClass(r.queueLength()));
                return new ActionPrediction(r.stationId(), action, priority(action, r), null, null, ACTION.name(),
                        inference.source(), inference.modelVersion(), inference.fallbackReason(), false);
            }
            float[] probabilities = inference.outputs()[0];
            int best = 0;
            Map<String, Double> byAction = new LinkedHashMap<>();
            for (int k = 0; k < classes.size(); k++) {
                byAction.put(classes.get(k), round(probabilities[k], 4));
                if (probabilities[k] > probabilities[best]) {
                    best = k;
                }
            }
            String action = classes.get(best);
            return new ActionPrediction(r.stationId(), action, priority(action, r), round(probabilities[best], 4),
                    byAction, ACTION.name(), inference.source(), inference.modelVersion(), null, false);
        });
    }

    /** Priority follows the action and how pressing the station's situation is. */
    static String priority(String action, PredictActionRequest r) {
        return switch (action) {
            case "pause_reservations" -> "high";
            case "add_staff" -> r.queueLength() > Fallbacks.ACTION_QUEUE_THRESHOLD ? "high" : "medium";
            case "rebalance_stock" -> r.chargedAvailable() <= 0.1 * r.capacity() ? "high" : "medium";
            case "inspect_batteries" -> "medium";
            default -> "low";
        };
    }

    // ---- traffic ----------------------------------------------------------------------------------------

    public Uni<TrafficForecast> traffic(ForecastTrafficRequest request) {
        ZonedDateTime next = now().plusHours(1);
        ForecastTrafficRequest r = new ForecastTrafficRequest(request.stationId().trim(), request.city().trim(),
                request.capacity(), request.historicalAveragePerHour(), orElse(request.startHour(), next.getHour()),
                orElse(request.dayOfWeek(), next.getDayOfWeek().getValue()), orElse(request.hours(), 24),
                orElse(request.event(), false), orElse(request.raining(), false));
        return answer(TRAFFIC, r, TrafficForecast.class, () -> {
            Integer city = cityIndex(r.city());
            List<FeatureRow> rows = new ArrayList<>();
            int[] hours = new int[r.hours()];
            int[] days = new int[r.hours()];
            for (int t = 0; t < r.hours(); t++) {
                hours[t] = (r.startHour() + t) % 24;
                days[t] = (r.dayOfWeek() - 1 + (r.startHour() + t) / 24) % 7 + 1;
                rows.add(FeatureRow.of(TRAFFIC).set("city_index", city).set("capacity", r.capacity())
                        .set("hour", hours[t]).set("day_of_week", days[t]).set("is_event", r.event())
                        .set("is_raining", r.raining()).set("historical_average_per_hour", r.historicalAveragePerHour()));
            }
            Inference inference = models.infer(TRAFFIC, rows);
            List<TrafficForecast.HourlyTraffic> curve = new ArrayList<>();
            double total = 0;
            int peak = hours[0];
            double peakValue = -1;
            for (int t = 0; t < r.hours(); t++) {
                double swaps = inference.usedModel() ? Math.max(0, inference.value(t))
                        : Fallbacks.trafficSwapsPerHour(r.historicalAveragePerHour());
                swaps = round(swaps, 2);
                curve.add(new TrafficForecast.HourlyTraffic(t, hours[t], days[t], swaps));
                total += swaps;
                if (swaps > peakValue) {
                    peakValue = swaps;
                    peak = hours[t];
                }
            }
            return new TrafficForecast(r.stationId(), curve, round(total, 2), peak, TRAFFIC.name(),
                    inference.source(), inference.modelVersion(), inference.fallbackReason(), false);
        });
    }

    // ---- micro-area traffic -----------------------------------------------------------------------------

    public Uni<MicroTrafficPrediction> microTraffic(PredictMicroTrafficRequest request) {
        ZonedDateTime now = now();
        PredictMicroTrafficRequest r = new PredictMicroTrafficRequest(
                request.geohashes().stream().map(g -> g.trim().toLowerCase(Locale.ROOT)).toList(),
                orElse(request.hour(), now.getHour()), orElse(request.dayOfWeek(), now.getDayOfWeek().getValue()));
        return answer(MICRO_TRAFFIC, r, MicroTrafficPrediction.class, () -> {
            List<FeatureRow> rows = new ArrayList<>();
            List<double[]> centres = new ArrayList<>();
            for (String geohash : r.geohashes()) {
                double[] centre = Geo.decodeGeohash(geohash);
                centres.add(centre);
                rows.add(FeatureRow.of(MICRO_TRAFFIC).set("latitude", centre[0]).set("longitude", centre[1])
                        .set("distance_to_centre_km", Cities.distanceToNearestCentreKm(centre[0], centre[1]))
                        .set("hour", r.hour()).set("day_of_week", r.dayOfWeek()));
            }
            Inference inference = models.infer(MICRO_TRAFFIC, rows);
            double[] heat = new double[rows.size()];
            double total = 0;
            int hottest = 0;
            for (int i = 0; i < heat.length; i++) {
                heat[i] = inference.usedModel() ? clamp(inference.value(i), 0, 1) : Fallbacks.microTrafficHeat();
                total += heat[i];
                if (heat[i] > heat[hottest]) {
                    hottest = i;
                }
            }
            List<MicroTrafficPrediction.CellHeat> cells = new ArrayList<>();
            for (int i = 0; i < heat.length; i++) {
                double share = total > 0 ? heat[i] / total : 1.0 / heat.length;
                cells.add(new MicroTrafficPrediction.CellHeat(r.geohashes().get(i), round(centres.get(i)[0], 6),
                        round(centres.get(i)[1], 6), round(heat[i], 4), heatLevel(heat[i]), round(share, 4)));
            }
            return new MicroTrafficPrediction(cells, r.geohashes().get(hottest), MICRO_TRAFFIC.name(),
                    inference.source(), inference.modelVersion(), inference.fallbackReason(), false);
        });
    }

    static String heatLevel(double heat) {
        return heat >= 0.66 ? "high" : heat >= 0.33 ? "medium" : "low";
    }

    // ---- customer arrival -------------------------------------------------------------------------------

    public Uni<ArrivalPrediction> arrival(PredictArrivalRequest request) {
        ZonedDateTime now = now();
        PredictArrivalRequest r = new PredictArrivalRequest(request.stationId().trim(), request.city().trim(),
                orElse(request.hour(), now.getHour()), orElse(request.dayOfWeek(), now.getDayOfWeek().getValue()),
                request.recentArrivalsPerHour(), orElse(request.approachingReservations(), 0),
                orElse(request.queueLength(), 0));
        return answer(ARRIVAL, r, ArrivalPrediction.class, () -> {
            Inference inference = models.infer(ARRIVAL, FeatureRow.of(ARRIVAL).set("city_index", cityIndex(r.city()))
                    .set("hour", r.hour()).set("day_of_week", r.dayOfWeek())
                    .set("recent_arrivals_per_hour", r.recentArrivalsPerHour())
                    .set("approaching_reservations", r.approachingReservations()).set("queue_length", r.queueLength()));
            double minutes = inference.usedModel() ? clamp(inference.value(0), 0.1, 120) : Fallbacks.arrivalMinutes();
            return new ArrivalPrediction(r.stationId(), round(minutes, 1), ARRIVAL.name(), inference.source(),
                    inference.modelVersion(), inference.fallbackReason(), false);
        });
    }

    // ---- battery trend ----------------------------------------------------------------------------------

    public Uni<BatteryTrendPrediction> batteryTrend(PredictBatteryTrendRequest request) {
        PredictBatteryTrendRequest r = new PredictBatteryTrendRequest(trim(request.batteryId()), request.soh(),
                request.cycles(), request.avgTemperatureC(), request.fastChargeShare(), request.avgDepthOfDischarge());
        return answer(BATTERY_TREND, r, BatteryTrendPrediction.class, () -> {
            Inference inference = models.infer(BATTERY_TREND, FeatureRow.of(BATTERY_TREND).set("cycles", r.cycles())
                    .set("soh", r.soh()).set("avg_temperature_c", r.avgTemperatureC())
                    .set("fast_charge_share", r.fastChargeShare())
                    .set("avg_depth_of_discharge", r.avgDepthOfDischarge()));
            double slope = inference.usedModel() ? Math.min(0, inference.value(0))
                    : Fallbacks.batterySlopePer100Cycles(r.soh(), r.cycles());
            double projected = Math.max(0, r.soh() + slope * 5);
            Integer untilThreshold = r.soh() > 75 && slope < 0 ? (int) Math.ceil((r.soh() - 75) / -slope * 100) : null;
            return new BatteryTrendPrediction(r.batteryId(), round(slope, 4), round(projected, 2), untilThreshold,
                    BATTERY_TREND.name(), inference.source(), inference.modelVersion(), inference.fallbackReason(),
                    false);
        });
    }

    // ---- rebalancing ------------------------------------------------------------------------------------

    public Uni<RebalancingPrediction> rebalancing(PredictRebalancingRequest request) {
        PredictRebalancingRequest r = new PredictRebalancingRequest(request.stations().stream()
                .map(s -> new PredictRebalancingRequest.StationStock(s.stationId().trim(), s.capacity(), s.charged(),
                        orElse(s.charging(), 0), s.predictedLoadPerHour(), s.latitude(), s.longitude()))
                .toList(), orElse(request.horizonHours(), 4), orElse(request.hour(), now().getHour()));
        return answer(REBALANCING, r, RebalancingPrediction.class, () -> {
            List<PredictRebalancingRequest.StationStock> stations = r.stations();
            int n = stations.size();
            List<FeatureRow> rows = new ArrayList<>();
            double[] capacity = new double[n];
            double[] charged = new double[n];
            for (int i = 0; i < n; i++) {
                PredictRebalancingRequest.StationStock s = stations.get(i);
                capacity[i] = s.capacity();
                charged[i] = s.charged();
                rows.add(FeatureRow.of(REBALANCING).set("capacity", s.capacity()).set("charged", s.charged())
                        .set("charging", s.charging()).set("predicted_load_per_hour", s.predictedLoadPerHour())
                        .set("horizon_hours", r.horizonHours()).set("hour", r.hour()));
            }
            Inference inference = models.infer(REBALANCING, rows);
            double[] fallback = inference.usedModel() ? null : Fallbacks.equalisedTargets(capacity, charged);
            int[] surplus = new int[n];
            int[] deficit = new int[n];
            List<RebalancingPrediction.StationTarget> targets = new ArrayList<>();
            Double[][] distance = new Double[n][n];
            for (int i = 0; i < n; i++) {
                double raw = inference.usedModel() ? inference.value(i) : fallback[i];
                int target = (int) clamp(Math.round(raw), 0, capacity[i]);
                int have = (int) charged[i];
                surplus[i] = Math.max(0, have - target);
                deficit[i] = Math.max(0, target - have);
                targets.add(new RebalancingPrediction.StationTarget(stations.get(i).stationId(), have, target));
                for (int j = 0; j < n; j++) {
                    distance[i][j] = distanceKm(stations.get(i).latitude(), stations.get(i).longitude(),
                            stations.get(j).latitude(), stations.get(j).longitude());
                }
            }
            List<String> ids = stations.stream().map(PredictRebalancingRequest.StationStock::stationId).toList();
            List<Move> moves = MovePlanner.plan(ids, surplus, deficit, distance);
            int moved = moves.stream().mapToInt(Move::count).sum();
            return new RebalancingPrediction(moves, moved, targets, REBALANCING.name(), inference.source(),
                    inference.modelVersion(), inference.fallbackReason(), false);
        });
    }

    // ---- staff diversion --------------------------------------------------------------------------------

    public Uni<DiversionPrediction> diversion(PredictDiversionRequest request) {
        PredictDiversionRequest r = new PredictDiversionRequest(request.stations().stream()
                .map(s -> new PredictDiversionRequest.StationStaffing(s.stationId().trim(), s.staffOnDuty(),
                        s.predictedLoadPerHour(), orElse(s.queueLength(), 0), s.capacity()))
                .toList());
        return answer(DIVERSION, r, DiversionPrediction.class, () -> {
            List<PredictDiversionRequest.StationStaffing> stations = r.stations();
            int n = stations.size();
            List<FeatureRow> rows = new ArrayList<>();
            double[] staff = new double[n];
            double[] load = new double[n];
            for (int i = 0; i < n; i++) {
                PredictDiversionRequest.StationStaffing s = stations.get(i);
                staff[i] = s.staffOnDuty();
                load[i] = s.predictedLoadPerHour();
                rows.add(FeatureRow.of(DIVERSION).set("staff_on_duty", s.staffOnDuty())
                        .set("predicted_load_per_hour", s.predictedLoadPerHour()).set("queue_length", s.queueLength())
                        .set("capacity", s.capacity()));
            }
            Inference inference = models.infer(DIVERSION, rows);
            double[] fallback = inference.usedModel() ? null : Fallbacks.proportionalStaff(staff, load);
            int[] surplus = new int[n];
            int[] deficit = new int[n];
            List<DiversionPrediction.StationNeed> needs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double raw = inference.usedModel() ? inference.value(i) : fallback[i];
                int required = (int) Math.max(1, Math.round(raw));
                int onDuty = (int) staff[i];
                // Every station keeps at least one person on duty.
                surplus[i] = Math.max(0, Math.min(onDuty - 1, onDuty - required));
                deficit[i] = Math.max(0, required - onDuty);
                needs.add(new DiversionPrediction.StationNeed(stations.get(i).stationId(), onDuty, required,
                        round(load[i] / Math.max(1, onDuty), 2)));
            }
            List<String> ids = stations.stream().map(PredictDiversionRequest.StationStaffing::stationId).toList();
            return new DiversionPrediction(MovePlanner.plan(ids, surplus, deficit, null), needs, DIVERSION.name(),
                    inference.source(), inference.modelVersion(), inference.fallbackReason(), false);
        });
    }

    // ---- stock order ------------------------------------------------------------------------------------

    public Uni<StockOrderPrediction> stockOrder(PredictStockOrderRequest request) {
        PredictStockOrderRequest r = new PredictStockOrderRequest(request.stationId().trim(), request.capacity(),
                request.charged(), orElse(request.charging(), 0), request.predictedLoadPerHour(),
                orElse(request.leadTimeHours(), 2.0), orElse(request.hour(), now().getHour()));
        return answer(STOCK_ORDER, r, StockOrderPrediction.class, () -> {
            Inference inference = models.infer(STOCK_ORDER, FeatureRow.of(STOCK_ORDER).set("capacity", r.capacity())
                    .set("charged", r.charged()).set("charging", r.charging())
                    .set("predicted_load_per_hour", r.predictedLoadPerHour())
                    .set("lead_time_hours", r.leadTimeHours()).set("hour", r.hour()));
            double raw = inference.usedModel() ? inference.value(0)
                    : Fallbacks.stockOrderQuantity(r.capacity(), r.charged());
            int quantity = (int) clamp(Math.round(raw), 0, r.capacity() - r.charged() - r.charging());
            Double cover = r.predictedLoadPerHour() != null && r.predictedLoadPerHour() > 0
                    ? round(r.charged() / r.predictedLoadPerHour(), 2) : null;
            return new StockOrderPrediction(r.stationId(), quantity, urgency(quantity, cover, r), cover,
                    STOCK_ORDER.name(), inference.source(), inference.modelVersion(), inference.fallbackReason(), false);
        });
    }

    static String urgency(int quantity, Double hoursOfCover, PredictStockOrderRequest r) {
        if (quantity == 0) {
            return "none";
        }
        if (hoursOfCover != null) {
            return hoursOfCover < 1 ? "critical" : hoursOfCover < 3 ? "high" : "normal";
        }
        double fraction = (double) r.charged() / r.capacity();
        return fraction < 0.1 ? "critical" : fraction < Fallbacks.STOCK_REORDER_FRACTION ? "high" : "normal";
    }

    // ---- partner allocation -----------------------------------------------------------------------------

    public Uni<PartnerAllocationPrediction> partnerAllocation(PredictPartnerAllocationRequest request) {
        PredictPartnerAllocationRequest r = new PredictPartnerAllocationRequest(request.stationId().trim(),
                request.latitude(), request.longitude(), request.batteryCount(), orElse(request.hour(), now().getHour()),
                request.shops().stream().map(s -> new PredictPartnerAllocationRequest.PartnerShop(s.shopId().trim(),
                        s.latitude(), s.longitude(), s.freeSlots(), s.capacity(), s.handlingMinutesPerBattery()))
                        .toList());
        return answer(PARTNER_ALLOCATION, r, PartnerAllocationPrediction.class, () -> {
            List<PredictPartnerAllocationRequest.PartnerShop> shops = r.shops();
            int n = shops.size();
            double[] distance = new double[n];
            List<FeatureRow> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                PredictPartnerAllocationRequest.PartnerShop s = shops.get(i);
                distance[i] = Geo.haversineKm(r.latitude(), r.longitude(), s.latitude(), s.longitude());
                rows.add(FeatureRow.of(PARTNER_ALLOCATION).set("distance_km", distance[i]).set("hour", r.hour())
                        .set("free_slots", s.freeSlots())
                        .set("utilisation", 1.0 - (double) s.freeSlots() / s.capacity())
                        .set("handling_minutes_per_battery", s.handlingMinutesPerBattery())
                        .set("batteries", r.batteryCount()));
            }
            Inference inference = models.infer(PARTNER_ALLOCATION, rows);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (shops.get(i).freeSlots() > 0) {
                    order.add(i);
                }
            }
            if (inference.usedModel()) {
                // Shops that take the whole overflow in one trip first, then by predicted turnaround.
                order.sort((a, b) -> {
                    boolean roomA = shops.get(a).freeSlots() >= r.batteryCount();
                    boolean roomB = shops.get(b).freeSlots() >= r.batteryCount();
                    return roomA != roomB ? (roomA ? -1 : 1) : Double.compare(inference.value(a), inference.value(b));
                });
            } else {
                order.sort((a, b) -> Double.compare(distance[a], distance[b]));
            }
            int remaining = r.batteryCount();
            List<PartnerAllocationPrediction.ShopAssignment> assignments = new ArrayList<>();
            for (int i : order) {
                if (remaining == 0) {
                    break;
                }
                int count = Math.min(remaining, shops.get(i).freeSlots());
                remaining -= count;
                assignments.add(new PartnerAllocationPrediction.ShopAssignment(shops.get(i).shopId(), count,
                        round(distance[i], 2), inference.usedModel() ? round(inference.value(i) * 60, 1) : null));
            }
            return new PartnerAllocationPrediction(r.stationId(), assignments, remaining, PARTNER_ALLOCATION.name(),
                    inference.source(), inference.modelVersion(), inference.fallbackReason(), false);
        });
    }

    // ---- energy stability -------------------------------------------------------------------------------

    public Uni<EnergyStabilityPrediction> energyStability(PredictEnergyStabilityRequest request) {
        PredictEnergyStabilityRequest r = new PredictEnergyStabilityRequest(request.stationId().trim(),
                request.gridLimitKw(), request.recentPowerKw(), request.chargingBatteries(),
                request.voltageDeviationPct(), request.ambientTemperatureC());
        return answer(ENERGY_STABILITY, r, EnergyStabilityPrediction.class, () -> {
            double[] series = r.recentPowerKw().stream().mapToDouble(Double::doubleValue).toArray();
            double smoothedCv = PowerFeatures.smoothedCv(series);
            double loadFactor = PowerFeatures.loadFactor(series, r.gridLimitKw());
            Inference inference = models.infer(ENERGY_STABILITY, FeatureRow.of(ENERGY_STABILITY)
                    .set("load_factor", loadFactor).set("smoothed_cv", smoothedCv)
                    .set("peak_to_mean", PowerFeatures.peakToMean(series))
                    .set("voltage_deviation_pct", r.voltageDeviationPct())
                    .set("ambient_temperature_c", r.ambientTemperatureC())
                    .set("charging_batteries", r.chargingBatteries()));
            double score = inference.usedModel() ? clamp(inference.value(0), 0, 100)
                    : Fallbacks.energyStability(smoothedCv);
            double[] smoothed = PowerFeatures.ema(series);
            return new EnergyStabilityPrediction(r.stationId(), round(score, 1),
                    score >= 75 ? "stable" : score >= 50 ? "watch" : "unstable", round(smoothed[smoothed.length - 1], 2),
                    round(loadFactor, 4), ENERGY_STABILITY.name(), inference.source(), inference.modelVersion(),
                    inference.fallbackReason(), false);
        });
    }

    // ---- station reliability ----------------------------------------------------------------------------

    public Uni<StationReliabilityPrediction> stationReliability(PredictStationReliabilityRequest request) {
        PredictStationReliabilityRequest r = new PredictStationReliabilityRequest(request.stationId().trim(),
                request.chargerUptimePct(), request.recentFaults(), request.avgBatterySoh(),
                request.equipmentAgeMonths(), request.daysSinceMaintenance(), request.swapsPerDay());
        return answer(STATION_RELIABILITY, r, StationReliabilityPrediction.class, () -> {
            Inference inference = models.infer(STATION_RELIABILITY, FeatureRow.of(STATION_RELIABILITY)
                    .set("charger_uptime_pct_7d", r.chargerUptimePct()).set("faults_30d", r.recentFaults())
                    .set("avg_battery_soh", r.avgBatterySoh()).set("equipment_age_months", r.equipmentAgeMonths())
                    .set("days_since_maintenance", r.daysSinceMaintenance()).set("swaps_per_day", r.swapsPerDay()));
            double score = inference.usedModel() ? clamp(inference.value(0), 0, 100) : Fallbacks.stationReliability();
            return new StationReliabilityPrediction(r.stationId(), round(score, 1),
                    score >= 85 ? "good" : score >= 70 ? "watch" : "poor", STATION_RELIABILITY.name(),
                    inference.source(), inference.modelVersion(), inference.fallbackReason(), false);
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** The city's feature value, or null (then the fallback answers) for a city the models do not know. */
    private static Integer cityIndex(String city) {
        var index = Cities.index(city);
        return index.isPresent() ? index.getAsInt() : null;
    }

    private static Double distanceKm(Double lat1, Double lon1, Double lat2, Double lon2) {
        if (lat1 == null || lon1 == null || lat2 == null || lon2 == null) {
            return null;
        }
        return Geo.haversineKm(lat1, lon1, lat2, lon2);
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
