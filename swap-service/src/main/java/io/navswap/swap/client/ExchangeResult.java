package io.navswap.swap.client;

/** Answer of station-service {@code POST /batteries/exchange}; the same for a repeated swap id. */
public record ExchangeResult(
        String swapId,
        String newBatteryId,
        String oldBatteryId,
        String oldBatteryStatus,
        boolean quarantined) {
}
