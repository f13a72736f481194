package io.navswap.ai.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Where to park a station's overflow batteries. Without every shop's {@code handling_minutes_per_battery}
 * the fallback fills the nearest shops first.
 */
public record PredictPartnerAllocationRequest(
        @NotBlank @Size(max = 64) String stationId,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @Min(1) @Max(10000) Integer batteryCount,
        @Min(0) @Max(23) Integer hour,
        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull PartnerShop> shops) {

    public record PartnerShop(
            @NotBlank @Size(max = 64) String shopId,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotNull @Min(0) @Max(100000) Integer freeSlots,
            @NotNull @Min(1) @Max(100000) Integer capacity,
            @DecimalMin("0") @DecimalMax("1000") Double handlingMinutesPerBattery) {

        @JsonIgnore
        @AssertTrue(message = "free_slots must not exceed capacity")
        public boolean isFreeWithinCapacity() {
            return freeSlots == null || capacity == null || freeSlots <= capacity;
        }
    }
}
