package io.navswap.station.rest;

/**
 * The battery after a telemetry report. {@code quarantined}: this report took it out of service;
 * {@code fault_id}: the level-1 fault recorded by this report, if any.
 */
public record TelemetryResult(BatteryView battery, boolean quarantined, String faultId) {
}
