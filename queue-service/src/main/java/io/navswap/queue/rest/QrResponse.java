package io.navswap.queue.rest;

import io.navswap.queue.service.ReservationService.FreshQr;
import java.time.Instant;

public record QrResponse(String queueId, String qrToken, Instant qrExpiry, String stationId) {

    static QrResponse of(FreshQr fresh) {
        return new QrResponse(fresh.reservation().id, fresh.qrToken(), fresh.qrExpiry(), fresh.reservation().stationId);
    }
}
