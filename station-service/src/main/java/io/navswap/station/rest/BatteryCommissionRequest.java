package io.navswap.station.rest;

import io.navswap.station.domain.BatteryStatus;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A new battery enters the fleet at a station ({@code station_id}) or a partner shop ({@code partner_shop_id}),
 * exactly one of them. Status defaults to {@code charging} at a station and {@code at_partner} at a shop.
 */
public record BatteryCommissionRequest(
        @NotBlank @Pattern(regexp = Ids.BATTERY, message = "must look like BAT-DEL-001-01") String batteryId,
        @Pattern(regexp = Ids.STATION, message = "must look like ST-DEL-001") String stationId,
        @Pattern(regexp = Ids.PARTNER_SHOP, message = "must look like PS-DEL-001") String partnerShopId,
        @NotNull @DecimalMin("0") @DecimalMax("100") Double soh,
        @Min(0) @Max(100000) Integer cycles,
        @DecimalMin("-40") @DecimalMax("120") Double temperatureC,
        BatteryStatus status) {
}
