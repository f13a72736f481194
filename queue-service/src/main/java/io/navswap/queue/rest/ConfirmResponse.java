package io.navswap.queue.rest;

import io.navswap.queue.service.ReservationService.Confirmation;
import java.time.Instant;

/**
 * {@code wait_source}: who gave the minutes per swap behind {@code estimated_wait_minutes}: {@code ai-onnx}
 * (ai-service's arrival model), {@code ai-fallback} (ai-service's heuristic) or {@code queue-heuristic}
 * (ai-service unreachable: the configured minutes per swap).
 */
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
        Instant expiresAt,
        String waitSource) {

    static ConfirmResponse of(Confirmation c) {
        return new ConfirmResponse(c.reservation().id, c.position(), c.waitMinutes(), c.qrToken(), c.qrExpiry(),
                c.reservation().stationId, c.reservation().stationName,
                new GeoPoint(c.reservation().stationLatitude, c.reservation().stationLongitude),
                c.reservation().status.wire(), c.reservation().expiresAt, c.waitSource());
    }
}
