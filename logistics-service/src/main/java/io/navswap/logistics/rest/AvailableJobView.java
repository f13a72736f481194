package io.navswap.logistics.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.navswap.logistics.service.RankedJob;

/** An open job in the marketplace, with what it means for the asking transporter. */
public record AvailableJobView(
        @JsonUnwrapped JobView job,
        double distanceToPickupKm,
        double creditsPerKm) {

    public static AvailableJobView of(RankedJob ranked) {
        return new AvailableJobView(JobView.of(ranked.job()), ranked.distanceToPickupKm(), ranked.creditsPerKm());
    }
}
