package io.navswap.staff.service;

import io.navswap.staff.client.AiModels;
import io.navswap.staff.client.AiModels.FaultAnswer;
import io.navswap.staff.client.AiModels.FaultRequest;
import io.navswap.staff.client.AiModels.TrendAnswer;
import io.navswap.staff.client.AiModels.TrendRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SPEC §6 fallbacks for the fault and battery-trend models, and the rules that turn model outputs into
 * a diagnosis and a fix. Pure functions: the same input always gives the same answer.
 */
public final class FaultHeuristics {
    /** SOH at which a pack is retired (the level-3 "critical" line). */
    public static final double RETIREMENT_SOH = 60;
    /** Nominal decline when cycles are unknown: ~1.5 % per 100 cycles for an NMC pack. */
    public static final double NOMINAL_SLOPE = -1.5;
    static final double STEEP_SLOPE = -4.0;
    static final double HOT_C = 50;

    private FaultHeuristics() {
    }

    /** SPEC fallback "SOH < 75 → high": below 60 critical, below 75 high; heat and age add risk. */
    public static FaultAnswer predictFault(FaultRequest request) {
        double p;
        if (request.soh() == null) {
            p = 0.5;
        } else if (request.soh() < RETIREMENT_SOH) {
            p = 0.9;
        } else if (request.soh() < 75) {
            p = 0.75;
        } else {
            p = 0.3;
        }
        if (request.temperatureC() != null && request.temperatureC() >= HOT_C) {
            p += 0.1;
        }
        if (request.cycles() != null && request.cycles() >= 1500) {
            p += 0.05;
        }
        p = Math.min(0.99, p);
        return new FaultAnswer(round(p), riskLevel(p), AiModels.LOCAL_FALLBACK, AiModels.LOCAL_MODEL_VERSION);
    }

    /** SPEC fallback "linear decline": the pack lost (100 − SOH) over its cycles so far. */
    public static TrendAnswer predictTrend(TrendRequest request) {
        double slope = NOMINAL_SLOPE;
        if (request.soh() != null && request.cycles() != null && request.cycles() > 0) {
            slope = (request.soh() - 100.0) / request.cycles() * 100.0;
        }
        return new TrendAnswer(round(slope), AiModels.LOCAL_FALLBACK, AiModels.LOCAL_MODEL_VERSION);
    }

    public static String riskLevel(double probability) {
        if (probability >= 0.9) {
            return "critical";
        }
        if (probability >= 0.7) {
            return "high";
        }
        if (probability >= 0.4) {
            return "medium";
        }
        return "low";
    }

    /** Cycles until the retirement SOH at the given slope; null when the pack is not declining. */
    public static Integer cyclesToRetirement(Double soh, double slopePer100Cycles) {
        if (soh == null || slopePer100Cycles >= 0) {
            return null;
        }
        if (soh <= RETIREMENT_SOH) {
            return 0;
        }
        return (int) Math.floor((soh - RETIREMENT_SOH) / -slopePer100Cycles * 100);
    }

    /** The facts a diagnosis is written from. */
    public record Findings(Double soh, Double temperatureC, double slopePer100Cycles, boolean recurring,
            long batteryFaults, boolean stationSpike, long stationFaults, String stationId) {
    }

    /** Diagnosis text (every finding) and the fix of the most severe finding. */
    public static String[] diagnose(Findings f) {
        List<String> findings = new ArrayList<>();
        String fix = null;
        if (f.soh() != null && f.soh() < RETIREMENT_SOH) {
            findings.add(String.format(Locale.ROOT, "End of life: SOH %.1f %% is below the %.0f %% retirement line",
                    f.soh(), RETIREMENT_SOH));
            fix = "Retire the pack and recover usable modules at a partner shop";
        }
        if (f.temperatureC() != null && f.temperatureC() >= HOT_C) {
            findings.add(String.format(Locale.ROOT, "Thermal stress: %.1f °C at return", f.temperatureC()));
            fix = fix != null ? fix
                    : "Inspect the cooling path and cell temperature sensors; check the station charger's thermal profile";
        }
        if (f.slopePer100Cycles() <= STEEP_SLOPE) {
            findings.add(String.format(Locale.ROOT, "Accelerated degradation: %.1f %% SOH per 100 cycles",
                    f.slopePer100Cycles()));
            fix = fix != null ? fix
                    : "Cell-balance and BMS check; replace the weakest module if cell imbalance exceeds 50 mV";
        }
        if (f.recurring()) {
            findings.add(String.format(Locale.ROOT, "Recurring: %d faults of this battery within 30 days",
                    f.batteryFaults()));
            fix = fix != null ? fix : "Full bench diagnostic: capacity test and internal resistance per module";
        }
        if (f.stationSpike()) {
            findings.add(String.format(Locale.ROOT, "Station pattern: %d faults at %s in the spike window",
                    f.stationFaults(), f.stationId()));
            fix = fix != null ? fix : "Inspect the station's chargers and docks before more packs are affected";
        }
        if (findings.isEmpty()) {
            findings.add(f.soh() == null ? "Fault flagged at the counter"
                    : String.format(Locale.ROOT, "Capacity below the 75 %% swap threshold (SOH %.1f %%)", f.soh()));
        }
        if (fix == null) {
            fix = "Deep-cycle recalibration, then re-measure SOH before returning the pack to charging";
        }
        return new String[] { String.join("; ", findings), fix };
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
