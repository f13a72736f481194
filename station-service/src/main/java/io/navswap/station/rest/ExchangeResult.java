package io.navswap.station.rest;

import io.navswap.station.domain.BatteryStatus;

public record ExchangeResult(
        String swapId,
        String newBatteryId,
        String oldBatteryId,
        BatteryStatus oldBatteryStatus,
        boolean quarantined) {
}
