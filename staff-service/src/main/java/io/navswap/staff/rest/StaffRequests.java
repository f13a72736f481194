package io.navswap.staff.rest;

import io.navswap.staff.domain.Priority;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request bodies of {@code /staff/*}. */
public final class StaffRequests {
    private StaffRequests() {
    }

    public record CreateAssignmentRequest(
            @NotBlank @Size(max = 64) String staffId,
            @NotBlank @Size(max = 64) String stationId,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @Size(max = 500) String reason) {
    }

    public record CreateDiversionRequest(
            @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 64) String> staffIds,
            @NotBlank @Size(max = 64) String fromStationId,
            @NotBlank @Size(max = 64) String toStationId,
            @NotBlank @Size(max = 500) String reason,
            @NotNull @Min(15) @Max(720) Integer durationMinutes,
            @NotNull Priority priority) {
    }

    public record SuggestDiversionRequest(@Min(1) @Max(24) Integer timeWindowHours) {
    }
}
