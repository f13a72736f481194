package io.navswap.staff.service;

import io.navswap.shared.problem.ProblemException;
import io.navswap.staff.config.StaffConfig;
import io.navswap.staff.domain.AssignmentKind;
import io.navswap.staff.domain.AssignmentStatus;
import io.navswap.staff.domain.StaffAssignment;
import io.navswap.staff.repository.AssignmentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Shifts: create (no overlap per person), end early, list; and the on-duty question other services ask. */
@ApplicationScoped
public class AssignmentService {

    public record ShiftCommand(String staffId, String stationId, Instant startsAt, Instant endsAt, String reason) {
    }

    public record AssignmentPage(List<StaffAssignment> items, int page, int size, long total) {
    }

    private final AssignmentRepository assignments;
    private final OnDutyService onDuty;
    private final StaffLocks locks;
    private final StaffConfig config;
    private final Clock clock;

    AssignmentService(AssignmentRepository assignments, OnDutyService onDuty, StaffLocks locks, StaffConfig config,
            Clock clock) {
        this.assignments = assignments;
        this.onDuty = onDuty;
        this.locks = locks;
        this.config = config;
        this.clock = clock;
    }

    public Uni<StaffAssignment> createShift(ShiftCommand command, Caller caller) {
        Instant now = Times.now(clock);
        Instant start = command.startsAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant end = command.endsAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (!end.isAfter(start)) {
            throw new ProblemException(400, "invalid-shift-window", "Invalid shift window",
                    "ends_at must be after starts_at");
        }
        if (!end.isAfter(now)) {
            throw new ProblemException(400, "invalid-shift-window", "Invalid shift window",
                    "ends_at must be in the future");
        }
        Duration longest = config.assignments().maxShift();
        if (Duration.between(start, end).compareTo(longest) > 0) {
            throw new ProblemException(400, "invalid-shift-window", "Invalid shift window",
                    "A shift lasts at most " + longest.toHours() + " hours");
        }
        StaffAssignment shift = new StaffAssignment();
        shift.id = "ASG-" + UUID.randomUUID();
        shift.staffId = command.staffId();
        shift.stationId = command.stationId();
        shift.startsAt = start;
        shift.endsAt = end;
        shift.kind = AssignmentKind.REGULAR;
        shift.reason = command.reason();
        shift.status = AssignmentStatus.ACTIVE;
        shift.createdBy = caller.id();
        shift.createdAt = now;
        return locks.holding(List.of(command.staffId()), () -> assignments
                .overlappingRegular(command.staffId(), start, end)
                .chain(overlapping -> {
                    if (!overlapping.isEmpty()) {
                        return Uni.createFrom().failure(new ProblemException(409, "assignment-overlap",
                                "Overlapping shift", command.staffId() + " already has a shift in that window: "
                                        + overlapping.stream().map(a -> a.id + " at " + a.stationId + " "
                                                + a.startsAt + "–" + a.endsAt).collect(Collectors.joining(", "))));
                    }
                    return assignments.persist(shift);
                }));
    }

    public Uni<StaffAssignment> end(String assignmentId, Caller caller) {
        Instant now = Times.now(clock);
        return assignments.end(assignmentId, now, caller.id())
                .chain(ended -> assignments.findById(assignmentId).map(found -> {
                    if (found == null) {
                        throw ProblemException.notFound("Assignment", assignmentId);
                    }
                    if (!ended) {
                        throw new ProblemException(409, "assignment-not-active", "Assignment not active",
                                "Assignment " + assignmentId + " is " + found.status.wire() + "; only active ones can be ended");
                    }
                    return found;
                }));
    }

    public Uni<AssignmentPage> forStaff(String staffId, AssignmentStatus status, int page, int size, Caller caller) {
        if (!caller.admin() && !caller.service() && !caller.isSelf(staffId)) {
            throw ProblemException.forbidden("Staff can read only their own assignments");
        }
        return Uni.combine().all()
                .unis(assignments.forStaff(staffId, status, page, size), assignments.countForStaff(staffId, status))
                .asTuple().map(t -> new AssignmentPage(t.getItem1(), page, size, t.getItem2()));
    }

    /** The contract queue-service and swap-service call before QR verification and swap completion. */
    public Uni<OnDutyAnswer> onDuty(String stationId, String staffId, Caller caller) {
        if (!caller.admin() && !caller.service() && !caller.isSelf(staffId)) {
            throw ProblemException.forbidden("Staff can ask only about themselves");
        }
        Instant now = Times.now(clock);
        return onDuty.onDutyAt(stationId, staffId, now)
                .map(duty -> new OnDutyAnswer(stationId, staffId, duty.isPresent(), now,
                        duty.map(a -> a.id).orElse(null), duty.map(a -> a.kind).orElse(null),
                        duty.map(a -> a.endsAt).orElse(null)));
    }

    public record OnDutyAnswer(String stationId, String staffId, boolean onDuty, Instant checkedAt,
            String assignmentId, AssignmentKind kind, Instant until) {
    }
}
