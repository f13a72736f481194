package io.navswap.station.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record StationCreateRequest(
        @NotBlank @Pattern(regexp = Ids.STATION, message = "must look like ST-DEL-001") String stationId,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 64) String city,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @Min(1) @Max(1000) Integer capacity,
        Boolean active,
        @Size(max = 300) String address) {
}
