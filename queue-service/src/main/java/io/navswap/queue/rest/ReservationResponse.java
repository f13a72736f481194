package io.navswap.queue.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.service.ReservationService.Details;
import java.time.Instant;

/** A reservation as its owner, staff or admin sees it; position and wait only while it is live. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReservationResponse(
        String queueId,
        String userId,
        String userName,
        String stationId,
        String stationName,
        GeoPoint stationLocation,
        String status,
        Integer queuePosition,
        Integer estimatedWaitMinutes,
        Double batterySohMin,
        Instant confirmedAt,
        Instant expiresAt,
        Instant qrExpiry,
        Instant approachingAt,
        Instant arrivedAt,
        Instant startedAt,
        String swapId,
        Instant endedAt,
        String endReason) {

    static ReservationResponse of(Details details) {
        Reservation r = details.reservation();
        return new ReservationResponse(r.id, r.userId, r.userName, r.stationId, r.stationName,
                new GeoPoint(r.stationLatitude, r.stationLongitude), r.status.wire(), details.position(),
                details.waitMinutes(), r.batterySohMin, r.confirmedAt, r.status.isWaiting() ? r.expiresAt : null,
                r.status.isWaiting() ? r.qrExpiresAt : null, r.approachingAt, r.arrivedAt, r.startedAt, r.swapId,
                r.endedAt, r.endReason);
    }
}
