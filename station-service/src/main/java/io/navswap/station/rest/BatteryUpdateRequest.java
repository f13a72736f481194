package io.navswap.station.rest;

import io.navswap.station.domain.BatteryStatus;
import io.navswap.station.domain.LocationType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Admin correction of a battery. Left-out fields keep their value; a status change must be an allowed move
 * and consistent with the location; {@code version}, when given, must match (optimistic locking).
 */
public record BatteryUpdateRequest(
        @DecimalMin("0") @DecimalMax("100") Double soh,
        @Min(0) @Max(100000) Integer cycles,
        @DecimalMin("-40") @DecimalMax("120") Double temperatureC,
        BatteryStatus status,
        LocationType locationType,
        @Size(min = 1, max = 64) String locationId,
        @Min(0) Long version) {
}
