package io.navswap.ai.training;

import io.navswap.ai.model.Cities;
import io.navswap.ai.model.Geo;
import io.navswap.ai.model.ModelCatalog;
import io.navswap.ai.model.ModelSpec;
import io.navswap.ai.model.PowerFeatures;

/**
 * Deterministic data generator, one method per model. Each method documents the assumptions it encodes; the
 * shared demand assumptions are in {@link DemandWorld}. A CSV export of real history with the same columns
 * can replace any of them ({@link CsvData}).
 */
final class SyntheticData {
    static final long BASE_SEED = 20261128L;
    /** Rows per model (train + held-out); groups are sized to give about as many. */
    static final int ROWS = 8000;

    private SyntheticData() {
    }

    static long seed(ModelSpec spec) {
        return BASE_SEED + 1000L * ModelCatalog.all().indexOf(spec);
    }

    static String description(ModelSpec spec) {
        return "synthetic-v1 seed=" + seed(spec);
    }

    static Dataset generate(ModelSpec spec) {
        Rng rng = new Rng(seed(spec));
        Dataset.Builder rows = new Dataset.Builder(spec);
        switch (spec.name()) {
            case "load" -> load(rng, rows);
            case "fault" -> fault(rng, rows);
            case "action" -> action(rng, rows);
            case "traffic" -> traffic(rng, rows);
            case "micro-traffic" -> microTraffic(rng, rows);
            case "arrival" -> arrival(rng, rows);
            case "battery-trend" -> batteryTrend(rng, rows);
            case "rebalancing" -> rebalancing(rng, rows);
            case "diversion" -> diversion(rng, rows);
            case "stock-order" -> stockOrder(rng, rows);
            case "partner-allocation" -> partnerAllocation(rng, rows);
            case "energy-stability" -> energyStability(rng, rows);
            case "station-reliability" -> stationReliability(rng, rows);
            default -> throw new IllegalArgumentException("no generator for " + spec.name());
        }
        return rows.build(description(spec));
    }

    private static int bool(boolean value) {
        return value ? 1 : 0;
    }

    /**
     * Swaps in an hour. A day-level factor (weather of the day, local happenings; log-normal, sd 0.2) moves the
     * previous hour's count and the target together, so the recent count carries information the calendar
     * does not. Counts are Poisson around the demand curve.
     */
    private static void load(Rng rng, Dataset.Builder rows) {
        for (int i = 0; i < ROWS; i++) {
            int city = rng.integer(0, DemandWorld.cities() - 1);
            int capacity = rng.pick(DemandWorld.CAPACITIES);
            int hour = rng.integer(0, 23);
            int day = rng.integer(1, 7);
            boolean event = rng.bernoulli(0.08);
            boolean raining = rng.bernoulli(0.12);
            double dayFactor = rng.logNormal(0.2);
            int previousHour = (hour + 23) % 24;
            int previousDay = hour == 0 ? (day + 5) % 7 + 1 : day;
            int recent = rng.poisson(DemandWorld.demand(city, capacity, previousHour, previousDay, event, raining)
                    * dayFactor);
            int swaps = rng.poisson(DemandWorld.demand(city, capacity, hour, day, event, raining) * dayFactor);
            rows.add(i, swaps, city, capacity, hour, day, bool(event), bool(raining), recent);
        }
    }

    /**
     * Battery faults within 30 days. Ageing: SOH falls ~1.1 points per 100 cycles, 2.5 % faster per degree
     * above 30 C, with cell-to-cell spread (sd 3). Fault odds rise steeply below 80 % SOH, with heat above
     * 40 C (more so on a worn battery), slightly with cycles, and with each fault of the last 30 days.
     */
    private static void fault(Rng rng, Dataset.Builder rows) {
        for (int i = 0; i < ROWS; i++) {
            double cycles = rng.integer(0, 2500);
            double temperature = clamp(rng.normal(33, 7), 15, 60);
            double soh = clamp(100 - 0.011 * cycles * (1 + 0.025 * Math.max(0, temperature - 30))
                    + rng.normal(0, 3), 50, 100);
            soh = Math.round(soh * 10) / 10.0;
            temperature = Math.round(temperature * 10) / 10.0;
            int recentFaults = rng.poisson(0.1 + 0.03 * Math.max(0, 85 - soh));
            double logit = -4.0 + 0.14 * Math.max(0, 80 - soh) + 0.0004 * cycles
                    + 0.10 * Math.max(0, temperature - 40)
                    + 0.004 * Math.max(0, temperature - 40) * Math.max(0, 80 - soh) + 0.8 * recentFaults;
            boolean fault = rng.bernoulli(1 / (1 + StrictMath.exp(-logit)));
            rows.add(i, bool(fault), soh, cycles, temperature, recentFaults);
        }
    }

    /**
     * The action an experienced duty manager takes (the labels), with 4 % disagreement noise:
     * stock nearly gone with a queue -> pause reservations; stock for less than an hour of demand -> rebalance;
     * more than 12 swaps (plus a third of the queue) per staff member per hour -> add staff; three or more
     * open faults -> inspect batteries; otherwise nothing.
     */
    private static void action(Rng rng, Dataset.Builder rows) {
        int classes = ModelCatalog.ACTION.classes().size();
        for (int i = 0; i < ROWS; i++) {
            int capacity = rng.pick(DemandWorld.CAPACITIES);
            int queue = (int) Math.min(30, Math.floor(rng.exponential(6)));
            int charged = rng.integer(0, capacity);
            int staff = rng.integer(1, 6);
            double load = Math.round(rng.uniform(0, 30) * 10) / 10.0;
            int openFaults = rng.poisson(1.0);
            double staffLoad = (load + queue / 3.0) / staff;
            int label;
            if (charged <= 0.1 * capacity && queue >= 8) {
                label = 4;
            } else if (charged < load) {
                label = 2;
            } else if (staffLoad > 12) {
                label = 1;
            } else if (openFaults >= 3) {
                label = 3;
            } else {
                label = 0;
            }
            if (rng.bernoulli(0.04)) {
                label = (label + rng.integer(1, classes - 1)) % classes;
            }
            rows.add(i, label, queue, charged, capacity, staff, load, openFaults);
        }
    }

    /**
     * Hourly swaps of a station whose own level differs from its city's (log-normal station factor, sd 0.3);
     * its 4-week history shows that level as an hourly average (measured within +-5 %).
     */
    private static void traffic(Rng rng, Dataset.Builder rows) {
        for (int i = 0; i < ROWS; i++) {
            int city = rng.integer(0, DemandWorld.cities() - 1);
            int capacity = rng.pick(DemandWorld.CAPACITIES);
            double stationFactor = rng.logNormal(0.3);
            double history = Math.round(DemandWorld.weeklyAverage(city, capacity) * stationFactor
                    * rng.uniform(0.95, 1.05) * 10) / 10.0;
            int hour = rng.integer(0, 23);
            int day = rng.integer(1, 7);
            boolean event = rng.bernoulli(0.08);
            boolean raining = rng.bernoulli(0.12);
            int swaps = rng.poisson(DemandWorld.demand(city, capacity, hour, day, event, raining) * stationFactor);
            rows.add(i, swaps, city, capacity, hour, day, bool(event), bool(raining), history);
        }
    }

    /**
     * Rider density per geohash cell (0..1) within 15 km of a city centre: the business core is busy on
     * weekday working hours, the residential ring (around 7 km) at commute times, two tech parks per city
     * (fixed places 5-11 km out) on weekday working hours; nights are quiet. Noise sd 0.04.
     */
    private static void microTraffic(Rng rng, Dataset.Builder rows) {
        double[][][] parks = new double[DemandWorld.cities()][2][];
        Rng places = new Rng(BASE_SEED - 1);
        for (int c = 0; c < parks.length; c++) {
            for (int k = 0; k < 2; k++) {
                parks[c][k] = offset(Cities.all().get(c), places.uniform(5, 11), places.uniform(0, 2 * Math.PI));
            }
        }
        for (int i = 0; i < ROWS; i++) {
            int city = rng.integer(0, DemandWorld.cities() - 1);
            double[] point = offset(Cities.all().get(city), 15 * StrictMath.sqrt(rng.uniform(0, 1)),
                    rng.uniform(0, 2 * Math.PI));
            double[] cell = Geo.decodeGeohash(Geo.encodeGeohash(point[0], point[1], 7));
            int hour = rng.integer(0, 23);
            int day = rng.integer(1, 7);
            double centre = Cities.distanceToNearestCentreKm(cell[0], cell[1]);
            double park = 0;
            for (double[] p : parks[city]) {
                double d = Geo.haversineKm(cell[0], cell[1], p[0], p[1]);
                park = Math.max(park, StrictMath.exp(-d * d / (2 * 1.2 * 1.2)));
            }
            boolean weekday = day <= 5;
            double office = DemandWorld.bump(hour, 13, 3.5);
            double commute = DemandWorld.bump(hour, 8.5, 1.3) + DemandWorld.bump(hour, 19, 1.6);
            double core = StrictMath.exp(-centre / 2.5);
            double ring = StrictMath.exp(-(centre - 7) * (centre - 7) / (2 * 2.5 * 2.5));
            double heat = 0.08 + 0.55 * core * (weekday ? office + 0.3 : 0.7 * DemandWorld.bump(hour, 18, 3) + 0.2)
                    + 0.45 * ring * commute + 0.6 * park * (weekday ? office : 0.1) + rng.normal(0, 0.04);
            heat = clamp(heat, 0, 1);
            rows.add(i, heat, cell[0], cell[1], centre, hour, day);
        }
    }

    /**
     * Minutes to the next customer: walk-ins arrive as a Poisson process at the station's demand rate (the
     * last hour's count estimates it), deterred by a long queue (-5 % per rider waiting); each reservation
     * already inside the 1 km geofence arrives within 1-8 minutes. Capped at 120.
     */
    private static void arrival(Rng rng, Dataset.Builder rows) {
        for (int i = 0; i < ROWS; i++) {
            int city = rng.integer(0, DemandWorld.cities() - 1);
            int hour = rng.integer(0, 23);
            int day = rng.integer(1, 7);
            double rate = DemandWorld.demand(city, 24, hour, day, false, false) * rng.logNormal(0.25);
            int recent = rng.poisson(rate);
            int queue = rng.poisson(0.3 * rate);
            int approaching = Math.min(6, rng.poisson(0.12 * rate));
            double effective = Math.max(0.05, rate * StrictMath.exp(-0.05 * queue));
            double minutes = rng.exponential(60 / effective);
            for (int k = 0; k < approaching; k++) {
                minutes = Math.min(minutes, rng.uniform(1, 8));
            }
            minutes = Math.round(Math.min(120, minutes) * 10) / 10.0;
            rows.add(i, minutes, city, hour, day, recent, approaching, queue);
        }
    }

    /**
     * Battery ageing: a base fade of 0.6 SOH points per 100 cycles, x e^(0.045 (T - 25)) for heat,
     * x (1 + 0.8 fast-charge share), x (0.6 + 0.6 depth of discharge), and per-cell spread (sd 12 %); past a
     * knee (1600 cycles, earlier with fast charging and heat) the fade accelerates by 2x per 1000 cycles.
     * SOH is measured with sd 0.8; the target is the slope over the next 100 cycles (sd 0.03).
     */
    private static void batteryTrend(Rng rng, Dataset.Builder rows) {
        for (int i = 0; i < ROWS; i++) {
            double cycles = rng.integer(0, 2500);
            double temperature = Math.round(rng.uniform(20, 45) * 10) / 10.0;
            double fastCharge = Math.round(rng.uniform(0, 1) * 100) / 100.0;
            double depth = Math.round(rng.uniform(0.3, 1.0) * 100) / 100.0;
            double base = -0.6 * StrictMath.exp(0.045 * (temperature - 25)) * (1 + 0.8 * fastCharge)
                    * (0.6 + 0.6 * depth) * rng.logNormal(0.12);
            double knee = 1600 - 400 * fastCharge - 15 * Math.max(0, temperature - 30);
            double past = Math.max(0, cycles - knee);
            double soh = 100 + base * cycles / 100 + base * 2.0 * past * past / 2000 / 100 + rng.normal(0, 0.8);
            soh = Math.round(clamp(soh, 40, 100) * 10) / 10.0;
            double slope = base * (1 + 2.0 * past / 1000) + rng.normal(0, 0.03);
            rows.add(i, slope, cycles, soh, temperature, fastCharge, depth);
        }
    }

    /**
     * Station networks of 4-8 stations at one hour and horizon. A station needs enough charged batteries for
     * the swaps of the horizon (Poisson around its demand curve, level known from its current load) plus a
     * safety stock of 2 + 0.15 x load, less what its chargers finish in time (2.5 h per battery), within its
     * capacity. The target is that need.
     */
    private static void rebalancing(Rng rng, Dataset.Builder rows) {
        int group = 0;
        int count = 0;
        while (count < ROWS) {
            int city = rng.integer(0, DemandWorld.cities() - 1);
            int hour = rng.integer(0, 23);
            int day = rng.integer(1, 7);
            int horizon = rng.integer(1, 8);
            int stations = rng.integer(4, 8);
            for (int s = 0; s < stations; s++) {
                int capacity = rng.pick(DemandWorld.CAPACITIES);
                int charged = (int) Math.round(capacity * StrictMath.pow(rng.uniform(0, 1), 1.3));
                int charging = (int) Math.round((capacity - charged) * rng.uniform(0, 0.6));
                double level = rng.logNormal(0.25);
                double load = Math.round(DemandWorld.demand(city, capacity, hour, day, false, false) * level * 10)
                        / 10.0;
                int demand = rng.poisson(DemandWorld.demandOver(city, capacity, hour, day, horizon) * level);
                double ready = Math.floor(charging * Math.min(1.0, horizon / 2.5));
                double need = clamp(demand + 2 + 0.15 * load - ready, 0, capacity);
                rows.add(group, need, capacity, charged, charging, load, horizon, hour);
                count++;
            }
            group++;
        }
    }

    /**
     * Station networks of 3-7 stations. A staff member completes about 9 swaps an hour (checks included);
     * a third of the waiting queue must be cleared within the hour; bigger stations need a little more
     * (0.03 per slot); 0.6 is the fixed share of a shift lost to breaks and paperwork. Noise sd 0.35.
     */
    private static void diversion(Rng rng, Dataset.Builder rows) {
        int group = 0;
        int count = 0;
        while (count < ROWS) {
            int city = rng.integer(0, DemandWorld.cities() - 1);
            int hour = rng.integer(6, 22);
            int day = rng.integer(1, 7);
            int stations = rng.integer(3, 7);
            for (int s = 0; s < stations; s++) {
                int capacity = rng.pick(DemandWorld.CAPACITIES);
                double load = Math.round(DemandWorld.demand(city, capacity, hour, day, rng.bernoulli(0.1), false)
                        * rng.logNormal(0.35) * 10) / 10.0;
                int queue = rng.poisson(0.3 * load);
                int staff = rng.integer(1, 6);
                double required = 0.6 + (load + queue / 3.0) / 9.0 + 0.03 * capacity + rng.normal(0, 0.35);
                rows.add(group, required, staff, load, queue, capacity);
                count++;
            }
            group++;
        }
    }

    /**
     * Replenishment: the order must cover the swaps until the delivery arrives (lead time) plus a safety stock
     * of 2 + 0.2 x load, less the charged stock and what the chargers finish by then (2.5 h per battery),
     * within the free slots.
     */
    private static void stockOrder(Rng rng, Dataset.Builder rows) {
        for (int i = 0; i < ROWS; i++) {
            int city = rng.integer(0, DemandWorld.cities() - 1);
            int capacity = rng.pick(DemandWorld.CAPACITIES);
            int charged = rng.integer(0, capacity);
            int charging = rng.integer(0, capacity - charged);
            int hour = rng.integer(0, 23);
            int day = rng.integer(1, 7);
            double lead = rng.integer(1, 16) / 2.0;
            double level = rng.logNormal(0.25);
            double load = Math.round(DemandWorld.demand(city, capacity, hour, day, false, false) * level * 10) / 10.0;
            int demand = rng.poisson(DemandWorld.demandOver(city, capacity, hour, day, lead) * level);
            double ready = Math.floor(charging * Math.min(1.0, lead / 2.5));
            double order = clamp(Math.ceil(demand + 2 + 0.2 * load - charged - ready), 0, capacity - charged - charging);
            rows.add(i, order, capacity, charged, charging, load, lead, hour);
        }
    }

    /**
     * Overflow scenarios: 2-20 batteries to park at one of 3-6 partner shops. Turnaround = round trip at the
     * hour's city speed (13 km/h at peaks, 30 by day, 40 at night) + handling per battery + the shop's queue,
     * which grows like u / (1.05 - u) with its utilisation u, + 60 min and 8 min per battery that does not fit
     * (a second trip). Log-normal noise sd 0.08. The metric compares the turnaround of each method's pick.
     */
    private static void partnerAllocation(Rng rng, Dataset.Builder rows) {
        int group = 0;
        int count = 0;
        while (count < ROWS) {
            int batteries = rng.integer(2, 20);
            int hour = rng.integer(0, 23);
            int shops = rng.integer(3, 6);
            double speed = hour < 6 || hour >= 23 ? 40
                    : (hour >= 8 && hour < 11) || (hour >= 17 && hour < 21) ? 13 : 30;
            for (int s = 0; s < shops; s++) {
                double distance = Math.round(rng.uniform(0.5, 20) * 100) / 100.0;
                int capacity = rng.integer(10, 40);
                int free = rng.integer(0, capacity);
                double utilisation = 1 - (double) free / capacity;
                double handling = Math.round(rng.uniform(1, 6) * 10) / 10.0;
                double minutes = 2 * distance / speed * 60 + handling * batteries + 12 * utilisation
                        / (1.05 - utilisation) + (batteries > free ? 60 + 8 * (batteries - free) : 0);
                minutes *= rng.logNormal(0.08);
                // In hours: float32 sums of 120 trees stay within 1e-4 of xgboost's at this magnitude.
                rows.add(group, minutes / 60, distance, hour, free, utilisation, handling, batteries);
                count++;
            }
            group++;
        }
    }

    /**
     * A station's last 6 hours of power draw (24 samples of 15 min): chargers draw 3.3 kW per battery plus
     * 2 kW of base load, following an AR(1) path with a volatility of 2-35 % and occasional surges. Stability
     * falls sharply once the draw passes 75 % of the grid connection, with the smoothed variability, with
     * peaks above 1.5x the mean, with voltage deviation, with heat above 35 C and with crowded chargers.
     * Noise sd 2.5.
     */
    private static void energyStability(Rng rng, Dataset.Builder rows) {
        for (int i = 0; i < ROWS; i++) {
            double grid = rng.integer(50, 250);
            int charging = rng.integer(0, 40);
            double mean = 2 + charging * 3.3 * rng.uniform(0.8, 1.1);
            double volatility = rng.uniform(0.02, 0.35);
            double[] series = new double[24];
            double deviation = 0;
            for (int t = 0; t < series.length; t++) {
                deviation = 0.6 * deviation + rng.normal(0, volatility * mean);
                double surge = rng.bernoulli(0.05) ? rng.uniform(0.2, 0.8) * mean : 0;
                series[t] = Math.max(0, mean + deviation + surge);
            }
            double loadFactor = PowerFeatures.loadFactor(series, grid);
            double cv = PowerFeatures.smoothedCv(series);
            double peak = PowerFeatures.peakToMean(series);
            double voltage = Math.round(Math.abs(rng.normal(0, 2 + 4 * Math.max(0, loadFactor - 0.7))) * 100) / 100.0;
            double ambient = Math.round(rng.uniform(15, 46) * 10) / 10.0;
            double score = 100 - 40 * Math.max(0, loadFactor - 0.75) / 0.25 - 55 * cv - 8 * Math.max(0, peak - 1.5)
                    - 2.5 * voltage - 0.8 * Math.max(0, ambient - 35) - 0.3 * Math.max(0, charging - 20)
                    + rng.normal(0, 2.5);
            rows.add(i, clamp(score, 0, 100), loadFactor, cv, peak, voltage, ambient, charging);
        }
    }

    /**
     * Availability over the next week: lost with charger downtime (0.9 per point below 100 %), recent faults
     * (1.1 each), worn batteries (0.25 per SOH point below 95), equipment age (0.06 per month), time since
     * maintenance (0.04 per day) and wear from traffic (0.01 per daily swap). Noise sd 2.
     */
    private static void stationReliability(Rng rng, Dataset.Builder rows) {
        for (int i = 0; i < ROWS; i++) {
            double uptime = Math.round(rng.uniform(85, 100) * 10) / 10.0;
            int faults = rng.poisson(2);
            double soh = Math.round(rng.uniform(70, 98) * 10) / 10.0;
            int age = rng.integer(0, 96);
            int sinceMaintenance = rng.integer(0, 180);
            int swaps = rng.integer(20, 300);
            double score = 102 - 0.9 * (100 - uptime) - 1.1 * faults - 0.25 * (95 - soh) - 0.06 * age
                    - 0.04 * sinceMaintenance - 0.01 * swaps + rng.normal(0, 2);
            rows.add(i, clamp(score, 0, 100), uptime, faults, soh, age, sinceMaintenance, swaps);
        }
    }

    /** A point {@code km} away from a city centre in direction {@code bearing} (radians). */
    private static double[] offset(Cities.City city, double km, double bearing) {
        double lat = city.latitude() + km * StrictMath.cos(bearing) / 111.32;
        double lon = city.longitude()
                + km * StrictMath.sin(bearing) / (111.32 * StrictMath.cos(StrictMath.toRadians(city.latitude())));
        return new double[] { lat, lon };
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
