package io.navswap.queue.rest;

import io.navswap.queue.service.QrVerificationService.Verified;

public record VerifyResponse(boolean valid, String swapId, String queueId, String userId, String userName,
        String stationId, String message) {

    static VerifyResponse of(Verified v) {
        return new VerifyResponse(true, v.swapId(), v.reservation().id, v.reservation().userId,
                v.reservation().userName, v.reservation().stationId,
                v.swapStartedNow() ? "QR verified; swap " + v.swapId() + " started"
                        : "QR verified; swap " + v.swapId() + " is being created from the reservation event");
    }
}
