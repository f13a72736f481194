package io.navswap.swap.rest;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /swap/complete}. {@code faulty} is required: the staff member must say whether the returned
 * battery is faulty ({@code faulty_battery}, SPEC's name, is accepted too).
 */
public record CompleteSwapRequest(
        @NotBlank @Size(max = 64) String swapId,
        @NotBlank @Size(max = 64) String oldBatteryId,
        @NotBlank @Size(max = 64) String newBatteryId,
        @DecimalMin("0") @DecimalMax("100") Double oldBatterySoh,
        @NotNull @JsonAlias("faulty_battery") Boolean faulty,
        @NotNull @Min(1) @Max(3600) Integer swapDurationSeconds,
        @Size(max = 500) String notes) {

    /** The rider leaves with another battery than the one brought back. */
    @JsonIgnore
    @AssertTrue(message = "old_battery_id and new_battery_id must differ")
    public boolean isDistinctBatteries() {
        return oldBatteryId == null || newBatteryId == null || !oldBatteryId.equals(newBatteryId);
    }
}
