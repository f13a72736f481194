package io.navswap.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.navswap.gateway.config.GatewayConfig;
import io.navswap.gateway.domain.Upstream;
import io.navswap.gateway.service.DashboardCalls.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The four admin dashboards of SPEC §Flows 5, composed from the services' own figures: every service is asked
 * in parallel (per-station ai-service calls follow once the station list is known), each call within the
 * dashboard budget. A part whose service fails or is slow is marked unavailable, never invented
 * ({@link DashboardSheet}).
 */
@ApplicationScoped
public class AdminDashboards {
    /** ai-service forecasts at most this many hours ({@code /ai/forecast-traffic}). */
    public static final int MAX_FORECAST_HOURS = 72;
    /** Swap history behind the reliability input {@code swaps_per_day}: the last 7 days. */
    static final int RELIABILITY_SWAP_HOURS = 168;
    /** Jobs per list in the logistics dashboard. */
    static final int LIST_LIMIT = 10;

    static final String STATION = Upstream.STATION.serviceName();
    static final String QUEUE = Upstream.QUEUE.serviceName();
    static final String SWAP = Upstream.SWAP.serviceName();
    static final String LOGISTICS = Upstream.LOGISTICS.serviceName();
    static final String STAFF = Upstream.STAFF.serviceName();
    static final String AI = Upstream.AI.serviceName();

    private final DashboardCalls calls;
    private final ObjectMapper mapper;
    private final int aiConcurrency;

    AdminDashboards(DashboardCalls calls, ObjectMapper mapper, GatewayConfig config) {
        this.calls = calls;
        this.mapper = mapper;
        this.aiConcurrency = config.dashboards().aiConcurrency();
    }

    // ---- GET /admin/live --------------------------------------------------------------------------------------

    /** The seven live metrics, each from the service that owns it. */
    public Uni<ObjectNode> live(Caller caller) {
        return Uni.combine().all().unis(
                        calls.get(Upstream.SWAP, "/swap/stats?hours=1", caller),
                        calls.get(Upstream.QUEUE, "/queue/stats", caller),
                        calls.get(Upstream.STATION, "/batteries/stats", caller),
                        calls.get(Upstream.STAFF, "/staff/stats", caller),
                        calls.get(Upstream.LOGISTICS, "/transport/summary", caller))
                .with((swaps, queues, fleet, staff, logistics) -> {
                    DashboardSheet sheet = sheet();
                    sheet.put("active_swaps", swaps, "/active_swaps");
                    sheet.put("total_in_queue", queues, "/total_in_queue");
                    sheet.put("inventory_by_status", fleet, "/by_status");
                    sheet.put("open_faults", staff, "/open_faults");
                    sheet.put("staff_on_duty", staff, "/staff_on_duty");
                    sheet.put("active_transporters", logistics, "/active_transporters");
                    sheet.put("credits_issued_today", logistics, "/credits_issued_today");
                    return sheet.finish();
                });
    }

    // ---- GET /admin/logistics ---------------------------------------------------------------------------------

    /** Jobs by state, the live ones, shortages, partner-shop stock against capacity, the latest deliveries. */
    public Uni<ObjectNode> logistics(Caller caller) {
        return Uni.combine().all().unis(
                        calls.get(Upstream.LOGISTICS, "/transport/summary", caller),
                        calls.get(Upstream.LOGISTICS, "/transport/overview?limit=" + LIST_LIMIT, caller),
                        calls.get(Upstream.STATION, "/partner-shops", caller))
                .with((summary, overview, shops) -> {
                    DashboardSheet sheet = sheet();
                    sheet.put("jobs_by_status", summary, "/jobs_by_status");
                    sheet.put("active_transporters", summary, "/active_transporters");
                    sheet.put("live_jobs", overview, "/live_jobs");
                    ObjectNode shortages = sheet.put("shortages", overview, "/shortages");
                    if (overview instanceof DashboardPart.Answered answered && isOk(shortages)) {
                        shortages.set("low_stock_ratio", answered.body().path("low_stock_ratio"));
                    }
                    sheet.put("recent_deliveries", overview, "/recent_deliveries");
                    sheet.put("delivered_today", overview, "/delivered_today");
                    sheet.root().set("partner_shops", partnerShops(sheet, shops));
                    return sheet.finish();
                });
    }

    /** Each shop with its {@code utilisation} (stock ÷ capacity) and the network totals. */
    static ObjectNode partnerShops(DashboardSheet sheet, DashboardPart part) {
        if (part instanceof DashboardPart.Missing missing) {
            return sheet.unavailable(missing.source(), missing.reason());
        }
        JsonNode list = ((DashboardPart.Answered) part).body();
        if (!list.isArray()) {
            return sheet.unavailable(part.source(), "answer is not a list of partner shops");
        }
        ArrayNode shops = sheet.mapper().createArrayNode();
        long capacity = 0;
        long stock = 0;
        long free = 0;
        for (JsonNode shop : list) {
            if (!shop.path("capacity").isNumber() || !shop.path("stock_total").isNumber()
                    || !shop.path("free_slots").isNumber()) {
                return sheet.unavailable(part.source(), "answer lacks capacity or stock of partner shop "
                        + shop.path("partner_shop_id").asText("?"));
            }
            ObjectNode copy = shop.deepCopy();
            long shopCapacity = shop.get("capacity").asLong();
            long shopStock = shop.get("stock_total").asLong();
            putRatio(copy, "utilisation", shopStock, shopCapacity);
            capacity += shopCapacity;
            stock += shopStock;
            free += shop.get("free_slots").asLong();
            shops.add(copy);
        }
        ObjectNode value = sheet.mapper().createObjectNode();
        value.set("shops", shops);
        ObjectNode totals = value.putObject("totals");
        totals.put("shops", shops.size());
        totals.put("capacity", capacity);
        totals.put("stock", stock);
        totals.put("free_slots", free);
        putRatio(totals, "utilisation", stock, capacity);
        return sheet.ok(part.source(), value);
    }

    // ---- GET /admin/traffic -----------------------------------------------------------------------------------

    /**
     * History: swaps completed per hour over the window (swap-service). Forecast: ai-service's curve per station
     * (city and capacity from station-service, {@code historical_average_per_hour} = the station's completed
     * swaps in the window ÷ window hours), summed into the network curve.
     */
    public Uni<ObjectNode> traffic(int windowHours, Caller caller) {
        int hours = Math.min(windowHours, MAX_FORECAST_HOURS);
        return Uni.combine().all().unis(
                        calls.get(Upstream.SWAP, "/swap/stats?hours=" + windowHours, caller),
                        calls.get(Upstream.STATION, "/station/list", caller)).asTuple()
                .chain(both -> {
                    DashboardPart swaps = both.getItem1();
                    DashboardPart stations = both.getItem2();
                    Map<String, ObjectNode> requests = new LinkedHashMap<>();
                    Map<String, String> skipped = new TreeMap<>();
                    if (swaps instanceof DashboardPart.Answered && stations instanceof DashboardPart.Answered list
                            && list.body().isArray()) {
                        Map<String, JsonNode> completed = DashboardSheet.rowsByStation(swaps, "/stations");
                        for (JsonNode station : list.body()) {
                            String id = station.path("station_id").asText(null);
                            if (id == null) {
                                continue;
                            }
                            if (!station.path("city").isTextual() || !station.path("capacity").isNumber()) {
                                skipped.put(id, "station-service gave no city or capacity");
                                continue;
                            }
                            JsonNode row = completed.get(id);
                            long inWindow = row == null ? 0 : row.path("completed_in_window").asLong();
                            ObjectNode request = mapper.createObjectNode();
                            request.put("station_id", id);
                            request.put("city", station.get("city").asText());
                            request.put("capacity", station.get("capacity").asInt());
                            request.put("historical_average_per_hour", round((double) inWindow / windowHours, 4));
                            request.put("hours", hours);
                            requests.put(id, request);
                        }
                    }
                    return perStation(requests, "/ai/forecast-traffic", caller).map(forecasts -> {
                        DashboardSheet sheet = sheet();
                        sheet.root().put("time_window_hours", windowHours);
                        sheet.root().set("history", history(sheet, swaps));
                        sheet.root().set("forecast", forecast(sheet, swaps, stations, windowHours, hours, forecasts,
                                skipped));
                        return sheet.finish();
                    });
                });
    }

    static ObjectNode history(DashboardSheet sheet, DashboardPart swaps) {
        if (swaps instanceof DashboardPart.Missing missing) {
            return sheet.unavailable(missing.source(), missing.reason());
        }
        JsonNode body = ((DashboardPart.Answered) swaps).body();
        JsonNode perHour = body.path("swaps_per_hour");
        if (!perHour.isArray() || !body.path("completed_in_window").isNumber()) {
            return sheet.unavailable(swaps.source(), "answer has no swaps_per_hour");
        }
        ObjectNode value = sheet.mapper().createObjectNode();
        value.set("window_starts_at", body.path("window_starts_at"));
        value.put("total_swaps", body.get("completed_in_window").asLong());
        ArrayNode series = value.putArray("swaps_per_hour");
        for (JsonNode hour : perHour) {
            ObjectNode point = series.addObject();
            point.set("hour_start", hour.path("hour_start"));
            point.set("swaps", hour.path("completed"));
        }
        return sheet.ok(swaps.source(), value);
    }

    /**
     * The network forecast: the stations' curves summed per hour offset. Stations ai-service did not answer
     * for are listed in {@code stations_missing} and the part is {@code partial}; none answered: unavailable.
     */
    static ObjectNode forecast(DashboardSheet sheet, DashboardPart swaps, DashboardPart stations, int windowHours,
            int hours, Map<String, DashboardPart> forecasts, Map<String, String> skipped) {
        if (stations instanceof DashboardPart.Missing missing) {
            return sheet.blocked(AI, "needs the station list of station-service, which is unavailable ("
                    + missing.reason() + ")", STATION);
        }
        if (!((DashboardPart.Answered) stations).body().isArray()) {
            return sheet.blocked(AI, "station-service answered no station list", STATION);
        }
        if (swaps instanceof DashboardPart.Missing missing) {
            return sheet.blocked(AI, "needs the swap history of swap-service (historical average), which is "
                    + "unavailable (" + missing.reason() + ")", SWAP);
        }
        TreeMap<Integer, double[]> sums = new TreeMap<>();
        Map<Integer, JsonNode[]> clock = new TreeMap<>();
        ArrayNode byStation = sheet.mapper().createArrayNode();
        Map<String, Integer> modelSources = new TreeMap<>();
        TreeSet<String> versions = new TreeSet<>();
        Map<String, String> missing = new TreeMap<>(skipped);
        new TreeMap<>(forecasts).forEach((stationId, part) -> {
            if (part instanceof DashboardPart.Missing m) {
                missing.put(stationId, m.reason());
                return;
            }
            JsonNode answer = ((DashboardPart.Answered) part).body();
            if (!answer.path("curve").isArray()) {
                missing.put(stationId, "answer has no curve");
                return;
            }
            double total = 0;
            for (JsonNode point : answer.get("curve")) {
                int offset = point.path("offset").asInt();
                double swapsPerHour = point.path("swaps_per_hour").asDouble();
                sums.computeIfAbsent(offset, k -> new double[1])[0] += swapsPerHour;
                clock.putIfAbsent(offset, new JsonNode[] { point.path("hour"), point.path("day_of_week") });
                total += swapsPerHour;
            }
            ObjectNode row = byStation.addObject();
            row.put("station_id", stationId);
            row.put("total_swaps", round(total, 2));
            row.set("peak_hour", answer.path("peak_hour"));
            row.set("model_source", answer.path("source"));
            row.set("model_version", answer.path("model_version"));
            if (answer.hasNonNull("fallback_reason")) {
                row.set("fallback_reason", answer.get("fallback_reason"));
            }
            modelSources.merge(answer.path("source").asText("unknown"), 1, Integer::sum);
            if (answer.hasNonNull("model_version")) {
                versions.add(answer.get("model_version").asText());
            }
        });
        if (byStation.isEmpty() && !missing.isEmpty()) {
            return sheet.unavailable(AI, "no station forecast could be had (" + missing.values().iterator().next() + ")");
        }
        ObjectNode part = sheet.answered(AI);
        if (!missing.isEmpty()) {
            part.put("status", DashboardSheet.PARTIAL);
            sheet.markUnavailable(AI);
        }
        part.put("hours", hours);
        if (hours < windowHours) {
            part.put("note", "ai-service forecasts at most " + MAX_FORECAST_HOURS + " hours");
        }
        ArrayNode curve = part.putArray("curve");
        double total = 0;
        int peakOffset = -1;
        double peak = -1;
        for (Map.Entry<Integer, double[]> entry : sums.entrySet()) {
            double value = round(entry.getValue()[0], 2);
            ObjectNode point = curve.addObject();
            point.put("offset", entry.getKey());
            point.set("hour", clock.get(entry.getKey())[0]);
            point.set("day_of_week", clock.get(entry.getKey())[1]);
            point.put("swaps_per_hour", value);
            total += entry.getValue()[0];
            if (value > peak) {
                peak = value;
                peakOffset = entry.getKey();
            }
        }
        part.put("total_swaps", round(total, 2));
        if (peakOffset >= 0) {
            ObjectNode top = part.putObject("peak");
            top.put("offset", peakOffset);
            top.set("hour", clock.get(peakOffset)[0]);
            top.put("swaps_per_hour", peak);
        }
        part.put("stations_forecast", byStation.size());
        ArrayNode missingList = part.putArray("stations_missing");
        missing.forEach((stationId, reason) -> missingList.addObject().put("station_id", stationId).put("reason", reason));
        ObjectNode sources = part.putObject("model_sources");
        modelSources.forEach(sources::put);
        ArrayNode versionList = part.putArray("model_versions");
        versions.forEach(versionList::add);
        part.put("inputs", "per station: city and capacity from station-service; historical_average_per_hour = "
                + "its swaps completed in the last " + windowHours + " h (swap-service) / " + windowHours);
        part.set("by_station", byStation);
        return part;
    }

    // ---- GET /admin/stations/overview -------------------------------------------------------------------------

    /**
     * Per station: inventory by status (station-service), queue length (queue-service), staff on duty
     * (staff-service) and ai-service's reliability score, asked with the figures the suite has (faults of the
     * last 30 days, average battery SOH, swaps per day over the last 7 days).
     */
    public Uni<ObjectNode> stationsOverview(Caller caller) {
        return Uni.combine().all().unis(
                        calls.get(Upstream.STATION, "/station/list", caller),
                        calls.get(Upstream.STATION, "/batteries/stats", caller),
                        calls.get(Upstream.QUEUE, "/queue/stats", caller),
                        calls.get(Upstream.STAFF, "/staff/stats", caller),
                        calls.get(Upstream.SWAP, "/swap/stats?hours=" + RELIABILITY_SWAP_HOURS, caller)).asTuple()
                .chain(parts -> {
                    DashboardPart list = parts.getItem1();
                    DashboardPart fleet = parts.getItem2();
                    DashboardPart queues = parts.getItem3();
                    DashboardPart staff = parts.getItem4();
                    DashboardPart swaps = parts.getItem5();
                    Map<String, JsonNode> listed = new TreeMap<>();
                    if (list instanceof DashboardPart.Answered answered && answered.body().isArray()) {
                        answered.body().forEach(s -> {
                            if (s.hasNonNull("station_id")) {
                                listed.put(s.get("station_id").asText(), s);
                            }
                        });
                    }
                    Map<String, JsonNode> fleetRows = DashboardSheet.rowsByStation(fleet, "/stations");
                    Map<String, JsonNode> queueRows = DashboardSheet.rowsByStation(queues, "/stations");
                    Map<String, JsonNode> staffRows = DashboardSheet.rowsByStation(staff, "/stations");
                    Map<String, JsonNode> swapRows = DashboardSheet.rowsByStation(swaps, "/stations");
                    TreeSet<String> ids = new TreeSet<>(listed.keySet());
                    boolean listKnown = list instanceof DashboardPart.Answered answered && answered.body().isArray();
                    if (!listKnown) {
                        // Without the station list, the stations the other services reported are all we know of.
                        ids.addAll(queueRows.keySet());
                        ids.addAll(staffRows.keySet());
                        ids.addAll(fleetRows.keySet());
                    }
                    Map<String, ObjectNode> requests = new LinkedHashMap<>();
                    for (String id : ids) {
                        requests.put(id, reliabilityRequest(id, fleetRows.get(id), staff, staffRows.get(id), swaps,
                                swapRows.get(id)));
                    }
                    return perStation(requests, "/ai/predict-station-reliability", caller).map(reliability -> {
                        DashboardSheet sheet = sheet();
                        ArrayNode rows = mapper.createArrayNode();
                        for (String id : ids) {
                            ObjectNode row = rows.addObject();
                            row.put("station_id", id);
                            JsonNode station = listed.get(id);
                            if (station != null) {
                                for (String field : List.of("name", "city", "capacity", "active")) {
                                    row.set(field, station.path(field));
                                }
                            }
                            row.set("inventory", inventory(sheet, list, station));
                            row.set("queue_length", stationFigure(sheet, queues, queueRows.get(id), "total"));
                            row.set("staff_on_duty", stationFigure(sheet, staff, staffRows.get(id), "staff_on_duty"));
                            row.set("reliability", reliability(sheet, reliability.get(id), requests.get(id)));
                        }
                        sheet.root().put("count", rows.size());
                        sheet.root().set("stations", rows);
                        return sheet.finish();
                    });
                });
    }

    private ObjectNode reliabilityRequest(String id, JsonNode fleetRow, DashboardPart staff, JsonNode staffRow,
            DashboardPart swaps, JsonNode swapRow) {
        ObjectNode request = mapper.createObjectNode();
        request.put("station_id", id);
        if (staff instanceof DashboardPart.Answered) {
            request.put("recent_faults", staffRow == null ? 0 : staffRow.path("faults_last_30_days").asInt());
        }
        if (fleetRow != null && fleetRow.path("avg_soh").isNumber()) {
            request.put("avg_battery_soh", fleetRow.get("avg_soh").asDouble());
        }
        if (swaps instanceof DashboardPart.Answered) {
            long week = swapRow == null ? 0 : swapRow.path("completed_in_window").asLong();
            request.put("swaps_per_day", round(week / (RELIABILITY_SWAP_HOURS / 24.0), 2));
        }
        return request;
    }

    static ObjectNode inventory(DashboardSheet sheet, DashboardPart list, JsonNode station) {
        if (list instanceof DashboardPart.Missing missing) {
            return sheet.unavailable(missing.source(), missing.reason());
        }
        if (station == null || !station.path("inventory").isObject()) {
            return sheet.unavailable(list.source(), "station list has no inventory for this station");
        }
        ObjectNode value = sheet.mapper().createObjectNode();
        value.set("by_status", station.get("inventory"));
        value.set("charged_available", station.path("charged_available"));
        value.set("total_batteries", station.path("total_batteries"));
        return sheet.ok(list.source(), value);
    }

    /**
     * {@code field} of the station's row in a figures answer. The services list every station with something
     * to count, so an answer without a row for the station means none there (0), which is the service's figure.
     */
    static ObjectNode stationFigure(DashboardSheet sheet, DashboardPart part, JsonNode row, String field) {
        if (part instanceof DashboardPart.Missing missing) {
            return sheet.unavailable(missing.source(), missing.reason());
        }
        if (!((DashboardPart.Answered) part).body().path("stations").isArray()) {
            return sheet.unavailable(part.source(), "answer has no stations");
        }
        if (row == null) {
            return sheet.ok(part.source(), sheet.mapper().getNodeFactory().numberNode(0));
        }
        if (!row.path(field).isNumber()) {
            return sheet.unavailable(part.source(), "answer has no " + field + " for this station");
        }
        return sheet.ok(part.source(), row.get(field));
    }

    static ObjectNode reliability(DashboardSheet sheet, DashboardPart part, ObjectNode request) {
        if (part == null) {
            return sheet.unavailable(AI, "not asked");
        }
        if (part instanceof DashboardPart.Missing missing) {
            return sheet.unavailable(missing.source(), missing.reason());
        }
        JsonNode answer = ((DashboardPart.Answered) part).body();
        if (!answer.path("reliability_score").isNumber()) {
            return sheet.unavailable(part.source(), "answer has no reliability_score");
        }
        ObjectNode value = sheet.mapper().createObjectNode();
        value.set("score", answer.get("reliability_score"));
        value.set("level", answer.path("level"));
        value.set("model_source", answer.path("source"));
        value.set("model_version", answer.path("model_version"));
        if (answer.hasNonNull("fallback_reason")) {
            value.set("fallback_reason", answer.get("fallback_reason"));
        }
        ObjectNode inputs = request.deepCopy();
        inputs.remove("station_id");
        value.set("inputs", inputs);
        return sheet.ok(part.source(), value);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** One ai-service call per station, at most {@code ai-concurrency} in flight; answers by station id. */
    private Uni<Map<String, DashboardPart>> perStation(Map<String, ObjectNode> requests, String path, Caller caller) {
        if (requests.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Multi.createFrom().iterable(new ArrayList<>(requests.entrySet()))
                .onItem().transformToUni(entry -> calls.post(Upstream.AI, path, entry.getValue(), caller)
                        .map(part -> Map.entry(entry.getKey(), part)))
                .merge(aiConcurrency)
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private DashboardSheet sheet() {
        return new DashboardSheet(mapper, Instant.now());
    }

    private static boolean isOk(ObjectNode part) {
        return DashboardSheet.OK.equals(part.path("status").asText());
    }

    private static void putRatio(ObjectNode node, String field, long part, long whole) {
        if (whole > 0) {
            node.put(field, round((double) part / whole, 3));
        } else {
            node.putNull(field);
        }
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
