package io.navswap.swap.service;

/** Start (or confirm) swap {@code swapId} for a verified reservation. */
public record StartSwap(
        String swapId,
        String reservationId,
        String userId,
        String userName,
        String stationId,
        String staffId,
        Double batterySohMin) {
}
