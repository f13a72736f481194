package io.navswap.ai.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Heat level of each geohash cell (4-9 characters) at an hour (default: now). */
public record PredictMicroTrafficRequest(
        @NotNull @Size(min = 1, max = 200) List<@NotNull @Pattern(regexp = "^[0-9bcdefghjkmnpqrstuvwxyzBCDEFGHJKMNPQRSTUVWXYZ]{4,9}$",
                message = "must be a geohash of 4 to 9 characters") String> geohashes,
        @Min(0) @Max(23) Integer hour,
        @Min(1) @Max(7) Integer dayOfWeek) {
}
