package io.navswap.station.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Batteries at one station (or partner shop) by status, as last counted from the battery documents. */
public class StationInventory {
    /** Counts keyed by wire status name ({@code charged}, {@code charging}, {@code quarantined}). */
    public Map<String, Integer> counts = new LinkedHashMap<>();
    /** SOH of every charged battery here, best first: answers "charged batteries with SOH >= x". */
    public List<Double> chargedSoh = new ArrayList<>();
    public int total;
    public Instant countedAt;

    public StationInventory() {
    }

    public static StationInventory of(Map<BatteryStatus, Integer> byStatus, List<Double> chargedSoh, Instant at) {
        StationInventory inventory = new StationInventory();
        Map<BatteryStatus, Integer> ordered = new EnumMap<>(BatteryStatus.class);
        ordered.putAll(byStatus);
        ordered.forEach((status, count) -> {
            if (count > 0) {
                inventory.counts.put(status.wire(), count);
            }
        });
        inventory.total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        inventory.chargedSoh = chargedSoh.stream().sorted((a, b) -> Double.compare(b, a)).toList();
        inventory.countedAt = at;
        return inventory;
    }

    public static StationInventory empty() {
        return of(Map.of(), List.of(), null);
    }

    public int count(BatteryStatus status) {
        return counts == null ? 0 : counts.getOrDefault(status.wire(), 0);
    }

    public int chargedAvailable() {
        return count(BatteryStatus.CHARGED);
    }

    /** Charged batteries with SOH at least {@code minSoh}. */
    public int chargedAtLeast(double minSoh) {
        if (chargedSoh == null) {
            return 0;
        }
        int n = 0;
        for (Double soh : chargedSoh) {
            if (soh >= minSoh) {
                n++;
            } else {
                break;
            }
        }
        return n;
    }

    public Double bestChargedSoh() {
        return chargedSoh == null || chargedSoh.isEmpty() ? null : chargedSoh.get(0);
    }

    /** Same counts (the part that {@code inventory.changed} announces)? */
    public boolean sameCounts(StationInventory other) {
        return other != null && normalised(counts).equals(normalised(other.counts));
    }

    public boolean sameAs(StationInventory other) {
        return sameCounts(other) && java.util.Objects.equals(chargedSoh, other.chargedSoh);
    }

    /** All six statuses with zeros, for events and answers that list every status. */
    public Map<String, Integer> countsWithZeros() {
        Map<String, Integer> all = new LinkedHashMap<>();
        for (BatteryStatus status : BatteryStatus.values()) {
            all.put(status.wire(), count(status));
        }
        return all;
    }

    private static Map<String, Integer> normalised(Map<String, Integer> counts) {
        Map<String, Integer> result = new LinkedHashMap<>();
        if (counts != null) {
            new java.util.TreeMap<>(counts).forEach((k, v) -> {
                if (v != null && v != 0) {
                    result.put(k, v);
                }
            });
        }
        return result;
    }
}
