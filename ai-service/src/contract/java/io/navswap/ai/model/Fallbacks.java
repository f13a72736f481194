package io.navswap.ai.model;

/**
 * The heuristics of SPEC.md section 6, used when a model is missing, refused, lacks a feature or answers a
 * non-finite value. The trainer scores them on the same held-out rows as the models, so the report's
 * "fallback" column measures exactly what ai-service would answer.
 */
public final class Fallbacks {
    public static final String VERSION = "heuristic-v1";

    public static final double LOAD_BASELINE_SWAPS_PER_HOUR = 8.0;
    public static final double FAULT_SOH_THRESHOLD = 75.0;
    public static final double FAULT_HIGH_PROBABILITY = 0.60;
    public static final double FAULT_LOW_PROBABILITY = 0.08;
    public static final int ACTION_QUEUE_THRESHOLD = 10;
    public static final double MICRO_TRAFFIC_UNIFORM_HEAT = 0.5;
    public static final double ARRIVAL_MINUTES = 5.0;
    public static final double BATTERY_NOMINAL_SLOPE = -0.8;
    public static final double BATTERY_MIN_CYCLES_FOR_TREND = 50;
    public static final double STOCK_REORDER_FRACTION = 0.20;
    public static final double STOCK_ORDER_UP_TO_FRACTION = 0.50;
    public static final double RELIABILITY_BASELINE = 90.0;

    private Fallbacks() {
    }

    public static double loadSwapsPerHour() {
        return LOAD_BASELINE_SWAPS_PER_HOUR;
    }

    public static double faultProbability(double soh) {
        return soh < FAULT_SOH_THRESHOLD ? FAULT_HIGH_PROBABILITY : FAULT_LOW_PROBABILITY;
    }

    /** Index into {@link ModelCatalog#ACTION}'s classes. */
    public static int actionClass(double queueLength) {
        return queueLength > ACTION_QUEUE_THRESHOLD ? 1 : 0;
    }

    public static double trafficSwapsPerHour(double historicalAveragePerHour) {
        return historicalAveragePerHour;
    }

    public static double microTrafficHeat() {
        return MICRO_TRAFFIC_UNIFORM_HEAT;
    }

    public static double arrivalMinutes() {
        return ARRIVAL_MINUTES;
    }

    /** Extrapolates the average decline so far; a new battery gets the nominal design rate. */
    public static double batterySlopePer100Cycles(double soh, double cycles) {
        if (cycles < BATTERY_MIN_CYCLES_FOR_TREND) {
            return BATTERY_NOMINAL_SLOPE;
        }
        return -Math.max(0.0, 100.0 - soh) / cycles * 100.0;
    }

    /** Equalise inventory: every station holds the network's charged fraction of its own capacity. */
    public static double[] equalisedTargets(double[] capacity, double[] charged) {
        double totalCapacity = 0;
        double totalCharged = 0;
        for (int i = 0; i < capacity.length; i++) {
            totalCapacity += capacity[i];
            totalCharged += charged[i];
        }
        double[] target = new double[capacity.length];
        for (int i = 0; i < capacity.length; i++) {
            target[i] = totalCapacity > 0 ? capacity[i] * totalCharged / totalCapacity : charged[i];
        }
        return target;
    }

    /** Load/staff ratio: the staff on duty are shared in proportion to each station's predicted load. */
    public static double[] proportionalStaff(double[] staffOnDuty, double[] load) {
        double totalStaff = 0;
        double totalLoad = 0;
        for (int i = 0; i < staffOnDuty.length; i++) {
            totalStaff += staffOnDuty[i];
            totalLoad += load[i];
        }
        double[] required = new double[staffOnDuty.length];
        for (int i = 0; i < staffOnDuty.length; i++) {
            required[i] = totalLoad > 0 ? totalStaff * load[i] / totalLoad : staffOnDuty[i];
        }
        return required;
    }

    /** Reorder at 20 %: below 20 % of capacity charged, order up to 50 % of capacity. */
    public static double stockOrderQuantity(double capacity, double charged) {
        if (charged < STOCK_REORDER_FRACTION * capacity) {
            return Math.max(0.0, Math.ceil(STOCK_ORDER_UP_TO_FRACTION * capacity) - charged);
        }
        return 0.0;
    }

    /** Power smoothing: the smoother the (EMA-smoothed) draw, the more stable the station. */
    public static double energyStability(double smoothedCv) {
        return Math.max(0.0, Math.min(100.0, 100.0 * (1.0 - 2.0 * smoothedCv)));
    }

    public static double stationReliability() {
        return RELIABILITY_BASELINE;
    }
}
