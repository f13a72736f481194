package io.navswap.staff.rest;

import io.navswap.staff.domain.Diagnosis;
import io.navswap.staff.domain.Fault;
import io.navswap.staff.domain.FaultScreening;
import io.navswap.staff.domain.Priority;
import io.navswap.staff.domain.Ticket;
import io.navswap.staff.domain.TicketEvent;
import io.navswap.staff.domain.TicketOutcome;
import io.navswap.staff.domain.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Response bodies of {@code /tickets/*}; entities never leave the service as they are (they carry the outbox). */
public final class TicketViews {
    private TicketViews() {
    }

    public record TicketView(String id, String number, String batteryId, String stationId, int level,
            TicketStatus status, Priority priority, String title, String description, String suggestedFix,
            String sourceFaultId, List<String> faultIds, String assigneeId, String assignmentNote, Instant assignedAt,
            Instant slaDueAt, boolean slaBreached, Instant openedAt, Instant startedAt, Instant resolvedAt,
            Instant closedAt, TicketOutcome outcome, String resolutionNotes, String resolvedBy, long version,
            List<TicketEvent> history) {

        public static TicketView of(Ticket t, Instant now) {
            Instant doneAt = t.resolvedAt != null ? t.resolvedAt : now;
            boolean breached = t.slaDueAt != null && doneAt.isAfter(t.slaDueAt);
            return new TicketView(t.id, t.number, t.batteryId, t.stationId, t.level, t.status, t.priority, t.title,
                    t.description, t.suggestedFix, t.sourceFaultId, t.faultIds, t.assigneeId, t.assignmentNote,
                    t.assignedAt, t.slaDueAt, breached, t.openedAt, t.startedAt, t.resolvedAt, t.closedAt, t.outcome,
                    t.resolutionNotes, t.resolvedBy, t.version, t.history);
        }
    }

    public record TicketPageView(List<TicketView> items, int page, int size, long total) {
    }

    public record FaultView(String faultId, String batteryId, String stationId, int level, String status,
            String reason, Double soh, Integer cycles, Double temperatureC, Instant recordedAt, Instant receivedAt,
            FaultScreening screening, Diagnosis diagnosis, String ticketId, TicketStatus ticketStatus) {

        /** A ticketed fault counts as resolved once its ticket is resolved or closed. */
        public static FaultView of(Fault f, Map<String, Ticket> tickets) {
            Ticket ticket = f.ticketId == null ? null : tickets.get(f.ticketId);
            String status = f.status.wire();
            if (ticket != null && !ticket.status.active()) {
                status = "resolved";
            }
            return new FaultView(f.id, f.batteryId, f.stationId, f.level, status, f.reason, f.soh, f.cycles,
                    f.temperatureC, f.recordedAt, f.receivedAt, f.screening, f.diagnosis, f.ticketId,
                    ticket == null ? null : ticket.status);
        }
    }

    public record BatteryFaultHistoryView(String batteryId, int faultCount, int highestLevel, List<FaultView> faults,
            List<TicketView> tickets) {
    }
}
