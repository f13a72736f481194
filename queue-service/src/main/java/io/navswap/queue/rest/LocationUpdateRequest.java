package io.navswap.queue.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/** A GPS fix: accuracy in metres (> 0), speed in m/s (≥ 0), heading in degrees [0, 360). */
public record LocationUpdateRequest(
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Positive Double accuracy,
        @PositiveOrZero Double speed,
        @DecimalMin("0") @DecimalMax(value = "360", inclusive = false) Double heading) {
}
