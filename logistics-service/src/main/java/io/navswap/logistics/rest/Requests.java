package io.navswap.logistics.rest;

import io.navswap.logistics.domain.JobPriority;
import io.navswap.logistics.domain.PlaceType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the transport endpoints. */
public final class Requests {
    /** Ids of jobs, stations, shops and batteries: short, printable, no spaces. */
    static final String ID = "[A-Za-z0-9._:-]{1,64}";
    static final String ID_MESSAGE = "must be 1-64 letters, digits or . _ : -";

    private Requests() {
    }

    public record AcceptJob(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String jobId) {
    }

    /**
     * The batteries handed over, as scanned at the source. Optional: without it, logistics asks station-service
     * for the best charged batteries at the source.
     */
    public record Pickup(
            @Size(min = 1, max = 50) List<@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String> batteryIds) {
    }

    public record CreateJob(
            @NotNull PlaceType sourceType,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String sourceId,
            @NotNull PlaceType destinationType,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String destinationId,
            @NotNull @Min(1) @Max(50) Integer batteryCount,
            JobPriority priority,
            @Size(max = 500) String notes) {
    }

    public record CancelJob(@Size(max = 500) String reason) {
    }
}
