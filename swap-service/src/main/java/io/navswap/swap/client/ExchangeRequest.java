package io.navswap.swap.client;

/** Body of station-service {@code POST /batteries/exchange} (HELPERS cross-service contract). */
public record ExchangeRequest(
        String swapId,
        String stationId,
        String oldBatteryId,
        String newBatteryId,
        Double oldBatterySoh,
        boolean faulty,
        Double minSoh) {
}
