package io.navswap.staff.rest;

import io.navswap.staff.domain.TicketOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of {@code /tickets/*}. */
public final class TicketRequests {
    private TicketRequests() {
    }

    public record AssignTicketRequest(@NotBlank @Size(max = 64) String assigneeId) {
    }

    public record ResolveTicketRequest(@NotNull TicketOutcome outcome, @Size(max = 2000) String notes) {
    }
}
