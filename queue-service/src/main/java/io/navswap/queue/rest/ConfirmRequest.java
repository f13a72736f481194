package io.navswap.queue.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

public record ConfirmRequest(
        @NotBlank @Pattern(regexp = Ids.STATION, message = Ids.STATION_MESSAGE) String stationId,
        @DecimalMin("0") @DecimalMax("100") Double batterySohMin,
        @Valid GeoPoint currentLocation) {
}
