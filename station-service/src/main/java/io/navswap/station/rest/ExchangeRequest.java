package io.navswap.station.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The inventory half of a swap, called by swap-service (contract in HELPERS.md). */
public record ExchangeRequest(
        @NotBlank @Pattern(regexp = Ids.SWAP, message = "must be 1-64 letters, digits or _.:-") String swapId,
        @NotBlank @Pattern(regexp = Ids.STATION, message = "must look like ST-DEL-001") String stationId,
        @NotBlank @Pattern(regexp = Ids.BATTERY, message = "must look like BAT-DEL-001-01") String oldBatteryId,
        @NotBlank @Pattern(regexp = Ids.BATTERY, message = "must look like BAT-DEL-001-01") String newBatteryId,
        @DecimalMin("0") @DecimalMax("100") Double oldBatterySoh,
        Boolean faulty,
        @DecimalMin("0") @DecimalMax("100") Double minSoh) {
}
