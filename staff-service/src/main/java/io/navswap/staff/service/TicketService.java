package io.navswap.staff.service;

import io.navswap.messaging.MongoErrors;
import io.navswap.messaging.OutboxEntry;
import io.navswap.messaging.OutboxEvents;
import io.navswap.messaging.OutboxRelay;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.Subjects;
import io.navswap.shared.events.TicketChanged;
import io.navswap.shared.events.Topics;
import io.navswap.shared.problem.ProblemException;
import io.navswap.staff.config.StaffConfig;
import io.navswap.staff.domain.Fault;
import io.navswap.staff.domain.Priority;
import io.navswap.staff.domain.Ticket;
import io.navswap.staff.domain.TicketEvent;
import io.navswap.staff.domain.TicketOutcome;
import io.navswap.staff.domain.TicketStatus;
import io.navswap.staff.repository.FaultRepository;
import io.navswap.staff.repository.TicketRepository;
import io.navswap.staff.repository.TicketRepository.Change;
import io.navswap.staff.repository.TicketRepository.TicketFilter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Level 3 and the ticket lifecycle. Opening is idempotent: one ticket per source fault and at most one
 * active ticket per battery, both enforced by unique indexes; a further fault of a battery with an active
 * ticket joins that ticket (raising its priority if needed) instead of opening another.
 */
@ApplicationScoped
public class TicketService {
    private static final Logger LOG = Logger.getLogger(TicketService.class);
    private static final int CONFLICT_RETRIES = 3;

    public record OpenReason(Priority priority, String title, String description, String suggestedFix, String by) {
    }

    public record TicketPage(List<Ticket> items, int page, int size, long total) {
    }

    private final TicketRepository tickets;
    private final FaultRepository faults;
    private final TicketNumbers numbers;
    private final TicketAssigner assigner;
    private final OutboxEvents events;
    private final OutboxRelay relay;
    private final StaffConfig config;
    private final Clock clock;

    TicketService(TicketRepository tickets, FaultRepository faults, TicketNumbers numbers, TicketAssigner assigner,
            OutboxEvents events, OutboxRelay relay, StaffConfig config, Clock clock) {
        this.tickets = tickets;
        this.faults = faults;
        this.numbers = numbers;
        this.assigner = assigner;
        this.events = events;
        this.relay = relay;
        this.config = config;
        this.clock = clock;
    }

    // ---- level 3: opening ------------------------------------------------------------------------

    /** The ticket handling {@code fault}: an existing one (same source fault, or the battery's active one) or a new one. */
    public Uni<Ticket> openForFault(Fault fault, OpenReason reason) {
        return tickets.findBySourceFault(fault.id).chain(bySource -> {
            if (bySource != null) {
                return link(bySource, fault);
            }
            return tickets.findActiveForBattery(fault.batteryId).chain(active -> active != null
                    ? join(active, fault, reason.priority(), 0)
                    : create(fault, reason));
        });
    }

    private Uni<Ticket> create(Fault fault, OpenReason reason) {
        Instant now = Times.now(clock);
        return Uni.combine().all().unis(numbers.next(now), assigner.choose(fault.stationId, now),
                faults.unticketedIds(fault.batteryId)).asTuple()
                .chain(t -> {
                    Ticket ticket = newTicket(t.getItem1(), fault, reason, t.getItem2(), now);
                    t.getItem3().stream().filter(id -> !ticket.faultIds.contains(id)).forEach(ticket.faultIds::add);
                    return tickets.insert(ticket)
                            .invoke(() -> relay.nudge(tickets.mongoCollection(), ticket.id))
                            .invoke(() -> LOG.infof("Ticket %s opened for battery %s (fault %s, %s, %s)", ticket.id,
                                    fault.batteryId, fault.id, ticket.priority.wire(), ticket.assignmentNote))
                            .onFailure(MongoErrors::isDuplicateKey).recoverWithUni(() -> openForFault(fault, reason));
                })
                .chain(ticket -> link(ticket, fault));
    }

    private Ticket newTicket(String number, Fault fault, OpenReason reason, TicketAssigner.Choice choice, Instant now) {
        Ticket ticket = new Ticket();
        ticket.id = number;
        ticket.number = number;
        ticket.batteryId = fault.batteryId;
        ticket.stationId = fault.stationId;
        ticket.status = TicketStatus.OPEN;
        ticket.priority = reason.priority();
        ticket.title = reason.title();
        ticket.description = reason.description();
        ticket.suggestedFix = reason.suggestedFix();
        ticket.sourceFaultId = fault.id;
        ticket.faultIds = new ArrayList<>(List.of(fault.id));
        ticket.activeBatteryKey = fault.batteryId;
        ticket.assigneeId = choice.assigneeId();
        ticket.assignmentNote = choice.note();
        ticket.assignedAt = choice.assigneeId() == null ? null : now;
        ticket.openedAt = now;
        ticket.slaDueAt = now.plus(sla(reason.priority()));
        ticket.version = 0;
        ticket.history.add(new TicketEvent(now, "opened", null, TicketStatus.OPEN.wire(), reason.by(),
                reason.description()));
        if (choice.assigneeId() != null) {
            ticket.history.add(new TicketEvent(now, "assigned", null, null, reason.by(),
                    choice.assigneeId() + ": " + choice.note()));
        }
        ticket.outbox.add(event(EventTypes.TICKET_OPENED, ticket, TicketStatus.OPEN, null, now));
        return ticket;
    }

    /** A further fault of a battery whose ticket is still active: join it, raise priority and SLA if more urgent. */
    private Uni<Ticket> join(Ticket active, Fault fault, Priority priority, int attempt) {
        if (active.faultIds.contains(fault.id)) {
            return link(active, fault);
        }
        Instant now = Times.now(clock);
        Priority raised = active.priority.max(priority);
        Instant due = now.plus(sla(raised));
        Instant slaDue = active.slaDueAt == null || due.isBefore(active.slaDueAt) ? due : active.slaDueAt;
        TicketEvent line = new TicketEvent(now, "fault_added", null, null, "staff-service",
                "fault " + fault.id + " of the same battery" + (raised != active.priority
                        ? "; priority raised to " + raised.wire() : ""));
        return tickets.addFault(active.id, active.version, fault.id, raised, slaDue, line).chain(done -> {
            if (done) {
                return tickets.findById(active.id).chain(ticket -> link(ticket, fault));
            }
            if (attempt >= CONFLICT_RETRIES) {
                return Uni.createFrom().failure(new IllegalStateException("Ticket " + active.id
                        + " kept changing while adding fault " + fault.id));
            }
            return tickets.findById(active.id).chain(reloaded -> reloaded != null && reloaded.status.active()
                    ? join(reloaded, fault, priority, attempt + 1)
                    : openForFault(fault, new OpenReason(priority, "Battery " + fault.batteryId + " fault",
                            fault.reason, null, "staff-service")));
        });
    }

    private Uni<Ticket> link(Ticket ticket, Fault fault) {
        return faults.linkToTicket(fault.batteryId, fault.id, ticket.id, Times.now(clock)).replaceWith(ticket);
    }

    // ---- lifecycle -------------------------------------------------------------------------------

    public Uni<Ticket> assign(String id, String assigneeId, Caller caller) {
        return change(id, caller, 0, ticket -> {
            requireActive(ticket, "assigned");
            Instant now = Times.now(clock);
            Map<String, Object> set = new HashMap<>();
            set.put("assigneeId", assigneeId);
            set.put("assignedAt", now);
            set.put("assignmentNote", "assigned by " + caller.id());
            return new Transition(Set.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS), new Change(set, List.of(),
                    new TicketEvent(now, "assigned", null, null, caller.id(), assigneeId), null));
        });
    }

    public Uni<Ticket> start(String id, Caller caller) {
        return change(id, caller, 0, ticket -> {
            requireAssigneeOrAdmin(ticket, caller);
            requireMove(ticket, TicketStatus.IN_PROGRESS, "started");
            if (ticket.assigneeId == null) {
                throw new ProblemException(409, "ticket-unassigned", "Ticket unassigned",
                        "Ticket " + ticket.id + " has no assignee; assign it before starting");
            }
            Instant now = Times.now(clock);
            return new Transition(Set.of(TicketStatus.OPEN), new Change(
                    Map.of("status", TicketStatus.IN_PROGRESS, "startedAt", now), List.of(),
                    new TicketEvent(now, "started", ticket.status.wire(), TicketStatus.IN_PROGRESS.wire(),
                            caller.id(), null), null));
        });
    }

    public Uni<Ticket> resolve(String id, TicketOutcome outcome, String notes, Caller caller) {
        return change(id, caller, 0, ticket -> {
            requireAssigneeOrAdmin(ticket, caller);
            requireMove(ticket, TicketStatus.RESOLVED, "resolved");
            Instant now = Times.now(clock);
            Map<String, Object> set = new HashMap<>();
            set.put("status", TicketStatus.RESOLVED);
            set.put("resolvedAt", now);
            set.put("resolvedBy", caller.id());
            set.put("outcome", outcome);
            if (notes != null) {
                set.put("resolutionNotes", notes);
            }
            Ticket after = copyForEvent(ticket, outcome);
            return new Transition(Set.of(TicketStatus.IN_PROGRESS), new Change(set, List.of("activeBatteryKey"),
                    new TicketEvent(now, "resolved", ticket.status.wire(), TicketStatus.RESOLVED.wire(), caller.id(),
                            outcome.wire() + (notes == null ? "" : ": " + notes)),
                    event(EventTypes.TICKET_RESOLVED, after, TicketStatus.RESOLVED, outcome, now)));
        });
    }

    public Uni<Ticket> close(String id, Caller caller) {
        return change(id, caller, 0, ticket -> {
            requireMove(ticket, TicketStatus.CLOSED, "closed");
            Instant now = Times.now(clock);
            return new Transition(Set.of(TicketStatus.RESOLVED), new Change(
                    Map.of("status", TicketStatus.CLOSED, "closedAt", now), List.of(),
                    new TicketEvent(now, "closed", ticket.status.wire(), TicketStatus.CLOSED.wire(), caller.id(),
                            null), null));
        });
    }

    private record Transition(Set<TicketStatus> expected, Change change) {
    }

    private interface Decision {
        Transition decide(Ticket ticket);
    }

    /** Load, check, apply conditionally on status and version; a concurrent change is re-evaluated, not lost. */
    private Uni<Ticket> change(String id, Caller caller, int attempt, Decision decision) {
        return get(id).chain(ticket -> {
            Transition transition = decision.decide(ticket);
            return tickets.apply(id, transition.expected(), ticket.version, transition.change()).chain(done -> {
                if (done) {
                    if (transition.change().event() != null) {
                        relay.nudge(tickets.mongoCollection(), id);
                    }
                    return get(id);
                }
                if (attempt >= CONFLICT_RETRIES) {
                    return Uni.createFrom().failure(new ProblemException(409, "ticket-changed", "Ticket changed",
                            "Ticket " + id + " changed concurrently; reload and retry"));
                }
                return change(id, caller, attempt + 1, decision);
            });
        });
    }

    private static void requireAssigneeOrAdmin(Ticket ticket, Caller caller) {
        if (!caller.admin() && !caller.isSelf(ticket.assigneeId)) {
            throw ProblemException.forbidden("Only the assignee of " + ticket.id + " or an admin may do this");
        }
    }

    private static void requireMove(Ticket ticket, TicketStatus next, String verb) {
        if (!ticket.status.canMoveTo(next)) {
            throw new ProblemException(409, "ticket-wrong-state", "Wrong ticket state", "Ticket " + ticket.id
                    + " is " + ticket.status.wire() + " and cannot be " + verb);
        }
    }

    private static void requireActive(Ticket ticket, String verb) {
        if (!ticket.status.active()) {
            throw new ProblemException(409, "ticket-wrong-state", "Wrong ticket state", "Ticket " + ticket.id
                    + " is " + ticket.status.wire() + " and cannot be " + verb);
        }
    }

    // ---- reads -----------------------------------------------------------------------------------

    public Uni<Ticket> get(String id) {
        return tickets.findById(id).map(ticket -> {
            if (ticket == null) {
                throw ProblemException.notFound("Ticket", id);
            }
            return ticket;
        });
    }

    public Uni<TicketPage> list(TicketFilter filter, int page, int size) {
        return Uni.combine().all().unis(tickets.page(filter, page, size), tickets.count(filter)).asTuple()
                .map(t -> new TicketPage(t.getItem1(), page, size, t.getItem2()));
    }

    public Uni<List<Ticket>> forBattery(String batteryId) {
        return tickets.forBattery(batteryId);
    }

    public Duration sla(Priority priority) {
        return switch (priority) {
            case CRITICAL -> config.tickets().sla().critical();
            case HIGH -> config.tickets().sla().high();
            case MEDIUM -> config.tickets().sla().medium();
            case LOW -> config.tickets().sla().low();
        };
    }

    private static Ticket copyForEvent(Ticket ticket, TicketOutcome outcome) {
        Ticket copy = new Ticket();
        copy.id = ticket.id;
        copy.number = ticket.number;
        copy.batteryId = ticket.batteryId;
        copy.stationId = ticket.stationId;
        copy.priority = ticket.priority;
        copy.assigneeId = ticket.assigneeId;
        copy.outcome = outcome;
        return copy;
    }

    private OutboxEntry event(String type, Ticket ticket, TicketStatus status, TicketOutcome outcome, Instant at) {
        return events.entry(Topics.FAULTS, type, Subjects.battery(ticket.batteryId),
                new TicketChanged(ticket.id, ticket.number, ticket.batteryId, ticket.stationId, status.wire(),
                        ticket.priority.wire(), outcome == null ? null : outcome.wire(), ticket.assigneeId, at));
    }
}
