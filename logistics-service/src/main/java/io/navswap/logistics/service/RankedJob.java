package io.navswap.logistics.service;

import io.navswap.logistics.domain.TransportJob;

/** An open job as one transporter sees it from where he stands. */
public record RankedJob(TransportJob job, double distanceToPickupKm, double creditsPerKm) {
}
