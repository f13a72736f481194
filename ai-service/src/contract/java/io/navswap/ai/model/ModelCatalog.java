package io.navswap.ai.model;

import io.navswap.ai.model.ModelSpec.Kind;
import io.navswap.ai.model.ModelSpec.Metric;
import java.util.List;

/**
 * The 13 models of SPEC.md section 6, in a fixed order. Feature order here is the column order of the ONNX
 * input and of the training CSV files; changing it means retraining (the server refuses a file whose
 * metadata does not list exactly these features).
 */
public final class ModelCatalog {
    public static final String VERSION = "1.0.0";

    public static final ModelSpec LOAD = new ModelSpec("load", "/ai/predict-load", VERSION, Kind.REGRESSION,
            List.of("city_index", "capacity", "hour", "day_of_week", "is_event", "is_raining", "recent_swaps_per_hour"),
            "swaps_per_hour", List.of(), Metric.MAE,
            "swaps per hour expected at the station in the given hour", "8 swaps/hour baseline");

    public static final ModelSpec FAULT = new ModelSpec("fault", "/ai/predict-fault", VERSION, Kind.BINARY,
            List.of("soh", "cycles", "temperature_c", "recent_faults_30d"),
            "fault_probability", List.of("no_fault", "fault"), Metric.LOG_LOSS,
            "probability that the battery faults within 30 days, and a risk level",
            "SOH < 75 -> high (p=0.60), else low (p=0.08)");

    public static final ModelSpec ACTION = new ModelSpec("action", "/ai/predict-action", VERSION, Kind.MULTICLASS,
            List.of("queue_length", "charged_available", "capacity", "staff_on_duty", "predicted_load_per_hour",
                    "open_faults"),
            "action_probabilities",
            List.of("no_action", "add_staff", "rebalance_stock", "inspect_batteries", "pause_reservations"),
            Metric.ACCURACY, "the operational action to take now, with a priority",
            "queue > 10 -> add_staff, else no_action");

    public static final ModelSpec TRAFFIC = new ModelSpec("traffic", "/ai/forecast-traffic", VERSION, Kind.REGRESSION,
            List.of("city_index", "capacity", "hour", "day_of_week", "is_event", "is_raining",
                    "historical_average_per_hour"),
            "swaps_per_hour", List.of(), Metric.MAE,
            "hourly swap curve for the next N hours", "flat curve at the station's historical hourly average");

    public static final ModelSpec MICRO_TRAFFIC = new ModelSpec("micro-traffic", "/ai/predict-micro-traffic", VERSION,
            Kind.REGRESSION,
            List.of("latitude", "longitude", "distance_to_centre_km", "hour", "day_of_week"),
            "heat", List.of(), Metric.MAE,
            "heat level 0..1 of each geohash cell", "uniform: every cell at 0.5");

    public static final ModelSpec ARRIVAL = new ModelSpec("arrival", "/ai/predict-arrival", VERSION, Kind.REGRESSION,
            List.of("city_index", "hour", "day_of_week", "recent_arrivals_per_hour", "approaching_reservations",
                    "queue_length"),
            "minutes_to_next_arrival", List.of(), Metric.MAE,
            "minutes until the next customer arrives", "5 minutes");

    public static final ModelSpec BATTERY_TREND = new ModelSpec("battery-trend", "/ai/predict-battery-trend", VERSION,
            Kind.REGRESSION,
            List.of("cycles", "soh", "avg_temperature_c", "fast_charge_share", "avg_depth_of_discharge"),
            "soh_slope_per_100_cycles", List.of(), Metric.MAE,
            "SOH change per 100 further cycles (negative)",
            "linear decline: the average slope so far, -(100 - soh) / cycles * 100 (-0.8 below 50 cycles)");

    public static final ModelSpec REBALANCING = new ModelSpec("rebalancing", "/ai/predict-rebalancing", VERSION,
            Kind.REGRESSION,
            List.of("capacity", "charged", "charging", "predicted_load_per_hour", "horizon_hours", "hour"),
            "target_charged", List.of(), Metric.MAE,
            "charged batteries each station needs for the horizon, turned into moves (from, to, count)",
            "equalise inventory: each station gets the network's charged share of its capacity");

    public static final ModelSpec DIVERSION = new ModelSpec("diversion", "/ai/predict-diversion", VERSION,
            Kind.REGRESSION,
            List.of("staff_on_duty", "predicted_load_per_hour", "queue_length", "capacity"),
            "required_staff", List.of(), Metric.MAE,
            "staff each station needs, turned into staff moves (from, to, count)",
            "load/staff ratio: staff shared in proportion to each station's load");

    public static final ModelSpec STOCK_ORDER = new ModelSpec("stock-order", "/ai/predict-stock-order", VERSION,
            Kind.REGRESSION,
            List.of("capacity", "charged", "charging", "predicted_load_per_hour", "lead_time_hours", "hour"),
            "order_quantity", List.of(), Metric.MAE,
            "charged batteries to order now, and an urgency",
            "reorder at 20 %: below 20 % of capacity order up to 50 % of capacity, else nothing");

    public static final ModelSpec PARTNER_ALLOCATION = new ModelSpec("partner-allocation",
            "/ai/predict-partner-allocation", VERSION, Kind.REGRESSION,
            List.of("distance_km", "hour", "free_slots", "utilisation", "handling_minutes_per_battery", "batteries"),
            "turnaround_hours", List.of(), Metric.CHOSEN_TURNAROUND,
            "turnaround (hours) per partner shop, turned into shop assignments (fastest first)",
            "nearest shop with room first");

    public static final ModelSpec ENERGY_STABILITY = new ModelSpec("energy-stability", "/ai/predict-energy-stability",
            VERSION, Kind.REGRESSION,
            List.of("load_factor", "smoothed_cv", "peak_to_mean", "voltage_deviation_pct", "ambient_temperature_c",
                    "charging_batteries"),
            "stability_score", List.of(), Metric.MAE,
            "grid stability score 0..100 of the station's power draw",
            "power smoothing: 100 * (1 - 2 * coefficient of variation of the smoothed draw), clamped to 0..100");

    public static final ModelSpec STATION_RELIABILITY = new ModelSpec("station-reliability",
            "/ai/predict-station-reliability", VERSION, Kind.REGRESSION,
            List.of("charger_uptime_pct_7d", "faults_30d", "avg_battery_soh", "equipment_age_months",
                    "days_since_maintenance", "swaps_per_day"),
            "reliability_score", List.of(), Metric.MAE,
            "expected availability score 0..100 over the next 7 days", "90 baseline");

    private static final List<ModelSpec> ALL = List.of(LOAD, FAULT, ACTION, TRAFFIC, MICRO_TRAFFIC, ARRIVAL,
            BATTERY_TREND, REBALANCING, DIVERSION, STOCK_ORDER, PARTNER_ALLOCATION, ENERGY_STABILITY,
            STATION_RELIABILITY);

    private ModelCatalog() {
    }

    public static List<ModelSpec> all() {
        return ALL;
    }
}
