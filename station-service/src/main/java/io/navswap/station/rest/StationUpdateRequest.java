package io.navswap.station.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Fields left out (or null) keep their value; {@code version}, when given, must match (optimistic locking). */
public record StationUpdateRequest(
        @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(min = 1, max = 64) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String city,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Min(1) @Max(1000) Integer capacity,
        Boolean active,
        @Size(max = 300) String address,
        @Min(0) Long version) {
}
