package io.navswap.station.rest;

import io.navswap.station.domain.Battery;
import io.navswap.station.domain.BatteryStatus;
import io.navswap.station.domain.LocationType;
import java.time.Instant;

public record BatteryView(
        String batteryId,
        String stationId,
        LocationType locationType,
        String locationId,
        BatteryStatus status,
        double soh,
        int cycles,
        Double temperatureC,
        String holderId,
        boolean faultFlagged,
        String lastSwapId,
        String lastFaultId,
        String lastTicketId,
        Instant statusChangedAt,
        Instant commissionedAt,
        Instant updatedAt,
        Instant retiredAt,
        long version) {

    public static BatteryView of(Battery b) {
        return new BatteryView(b.id, b.stationId(), b.locationType, b.locationId, b.status, b.soh, b.cycles,
                b.temperatureC, b.holderId, b.faultFlagged, b.lastSwapId, b.lastFaultId, b.lastTicketId,
                b.statusChangedAt, b.commissionedAt, b.updatedAt, b.retiredAt, b.version);
    }
}
