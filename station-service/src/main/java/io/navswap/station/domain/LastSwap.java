package io.navswap.station.domain;

import java.time.Instant;

/** What the last swap did to a battery, so that a retry of that swap answers the same result. */
public class LastSwap {
    public String swapId;
    /** {@code new} (handed to the rider) or {@code old} (returned by the rider). */
    public String role;
    public String stationId;
    public String counterpartBatteryId;
    public BatteryStatus resultStatus;
    public boolean quarantined;
    public Instant at;

    public LastSwap() {
    }
}
