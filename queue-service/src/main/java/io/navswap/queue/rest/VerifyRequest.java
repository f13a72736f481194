package io.navswap.queue.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record VerifyRequest(
        @NotBlank @Size(max = 2048) String qrToken,
        @NotBlank @Pattern(regexp = Ids.STATION, message = Ids.STATION_MESSAGE) String stationId) {
}
