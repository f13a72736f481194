package io.navswap.swap.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /swap/{swap_id}/start}, sent by queue-service when a QR code is verified. */
public record StartSwapRequest(
        @NotBlank @Size(max = 64) String reservationId,
        @NotBlank @Size(max = 64) String userId,
        @Size(max = 120) String userName,
        @NotBlank @Size(max = 64) String stationId,
        @NotBlank @Size(max = 64) String staffId,
        /* Null means the reservation asked for no minimum. */
        @DecimalMin("0") @DecimalMax("100") Double batterySohMin) {
}
