package io.navswap.shared.events;

import java.util.List;

/** Kafka topic names of SPEC.md; the launcher and test resources create exactly these. */
public final class Topics {
    /** Queue and swap lifecycle. */
    public static final String SWAPS = "navswap.swaps";
    /** GPS updates and geofence crossings. */
    public static final String LOCATION = "navswap.location";
    /** Inventory changes and transport jobs. */
    public static final String JOBS = "navswap.jobs";
    /** Fault levels and tickets. */
    public static final String FAULTS = "navswap.faults";

    public static final List<String> ALL = List.of(SWAPS, LOCATION, JOBS, FAULTS);

    private Topics() {
    }
}
