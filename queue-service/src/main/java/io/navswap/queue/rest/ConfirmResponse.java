package io.navswap.queue.rest;

import io.navswap.queue.service.ReservationService.Confirmation;
import java.time.Instant;

public record ConfirmResponse(
        String queueId,
        int queuePosition,
        int estimatedWaitMinutes,
        String qrToken,
        Instant qrExpiry,
        String stationId,
        String stationName,
        GeoPoint stationLocation,
        String status,
        Instant expiresAt) {

    static ConfirmResponse of(Confirmation c) {
        return new ConfirmResponse(c.reservation().id, c.position(), c.waitMinutes(), c.qrToken(), c.qrExpiry(),
                c.reservation().stationId, c.reservation().stationName,
                new GeoPoint(c.reservation().stationLatitude, c.reservation().stationLongitude),
                c.reservation().status.wire(), c.reservation().expiresAt);
    }
}
