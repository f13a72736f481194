package io.navswap.staff.service;

import io.navswap.shared.problem.ProblemException;
import io.navswap.staff.domain.AssignmentKind;
import io.navswap.staff.domain.AssignmentStatus;
import io.navswap.staff.domain.Priority;
import io.navswap.staff.domain.StaffAssignment;
import io.navswap.staff.repository.AssignmentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Moves people from one station to another for a while. All or nobody: every person must be on duty at
 * the source now (and not already diverted), checked and written under their assignment locks; the
 * diversion assignments are inserted together and removed again if the insert fails half way. They
 * return by time: on-duty answers stop counting the diversion at {@code ends_at}.
 */
@ApplicationScoped
public class DiversionService {
    private static final Logger LOG = Logger.getLogger(DiversionService.class);

    public record DiversionCommand(List<String> staffIds, String fromStationId, String toStationId, String reason,
            int durationMinutes, Priority priority) {
    }

    public record Member(String staffId, String assignmentId, AssignmentStatus status, Instant endsAt) {
    }

    public record Diversion(String diversionId, List<Member> members, String fromStationId, String toStationId,
            String reason, Priority priority, Instant startsAt, Instant endsAt, String status, String createdBy) {
    }

    private final AssignmentRepository assignments;
    private final StaffLocks locks;
    private final Clock clock;

    DiversionService(AssignmentRepository assignments, StaffLocks locks, Clock clock) {
        this.assignments = assignments;
        this.locks = locks;
        this.clock = clock;
    }

    public Uni<Diversion> divert(DiversionCommand command, Caller caller) {
        if (command.fromStationId().equals(command.toStationId())) {
            throw new ProblemException(400, "same-station", "Same station",
                    "from_station_id and to_station_id must differ");
        }
        if (command.staffIds().stream().distinct().count() != command.staffIds().size()) {
            throw new ProblemException(400, "duplicate-staff", "Duplicate staff", "staff_ids lists someone twice");
        }
        return locks.holding(command.staffIds(), () -> {
            Instant now = Times.now(clock);
            return assignments.activeForStaff(command.staffIds(), now).chain(inForce -> {
                List<String> notOnDuty = new ArrayList<>();
                List<String> alreadyDiverted = new ArrayList<>();
                for (String staffId : command.staffIds()) {
                    List<StaffAssignment> theirs = inForce.stream().filter(a -> staffId.equals(a.staffId)).toList();
                    Optional<StaffAssignment> diversion = DutyRules.activeDiversion(theirs, now);
                    if (DutyRules.onDutyAt(theirs, command.fromStationId(), now).isEmpty()) {
                        notOnDuty.add(staffId);
                    } else if (diversion.isPresent()) {
                        alreadyDiverted.add(staffId);
                    }
                }
                if (!notOnDuty.isEmpty()) {
                    return Uni.createFrom().failure(new ProblemException(409, "staff-not-on-duty",
                            "Staff not on duty", "Not on duty at " + command.fromStationId() + " now: "
                                    + String.join(", ", notOnDuty) + "; nobody was moved"));
                }
                if (!alreadyDiverted.isEmpty()) {
                    return Uni.createFrom().failure(new ProblemException(409, "staff-already-diverted",
                            "Staff already diverted", "Already on a diversion: " + String.join(", ", alreadyDiverted)
                                    + "; end it first. Nobody was moved"));
                }
                String diversionId = "DIV-" + UUID.randomUUID();
                Instant endsAt = now.plus(Duration.ofMinutes(command.durationMinutes()));
                List<StaffAssignment> moved = command.staffIds().stream()
                        .map(staffId -> diversionAssignment(diversionId, staffId, command, now, endsAt, caller))
                        .toList();
                return assignments.insertAll(moved)
                        .onFailure().call(failure -> {
                            LOG.warnf("Diversion %s failed to insert (%s); removing its partial assignments",
                                    diversionId, failure.toString());
                            return assignments.deleteDiversion(diversionId);
                        })
                        .map(ignored -> toDiversion(diversionId, moved, now));
            });
        });
    }

    public Uni<List<Diversion>> history(String status, int page, int size) {
        Instant now = Times.now(clock);
        return assignments.diversions(AssignmentRepository.diversionMembers(status, now), page, size)
                .map(groups -> groups.stream().map(doc -> fromGroup(doc, now)).toList());
    }

    private static StaffAssignment diversionAssignment(String diversionId, String staffId, DiversionCommand command,
            Instant now, Instant endsAt, Caller caller) {
        StaffAssignment a = new StaffAssignment();
        a.id = diversionId + "-" + staffId;
        a.diversionId = diversionId;
        a.staffId = staffId;
        a.stationId = command.toStationId();
        a.divertedFrom = command.fromStationId();
        a.startsAt = now;
        a.endsAt = endsAt;
        a.kind = AssignmentKind.DIVERSION;
        a.priority = command.priority();
        a.reason = command.reason();
        a.status = AssignmentStatus.ACTIVE;
        a.createdBy = caller.id();
        a.createdAt = now;
        return a;
    }

    private static Diversion toDiversion(String diversionId, List<StaffAssignment> moved, Instant now) {
        StaffAssignment first = moved.get(0);
        List<Member> members = moved.stream().map(a -> new Member(a.staffId, a.id, a.status, a.endsAt)).toList();
        return new Diversion(diversionId, members, first.divertedFrom, first.stationId, first.reason, first.priority,
                first.startsAt, first.endsAt, effectiveStatus(members, now), first.createdBy);
    }

    private static Diversion fromGroup(Document doc, Instant now) {
        List<Member> members = doc.getList("members", Document.class).stream()
                .map(m -> new Member(m.getString("staffId"), m.getString("assignmentId"),
                        AssignmentStatus.valueOf(m.getString("status")), instant(m.get("endsAt"))))
                .toList();
        String priority = doc.getString("priority");
        return new Diversion(doc.getString("_id"), members, doc.getString("fromStationId"),
                doc.getString("toStationId"), doc.getString("reason"),
                priority == null ? null : Priority.valueOf(priority), instant(doc.get("startsAt")),
                instant(doc.get("endsAt")), effectiveStatus(members, now), doc.getString("createdBy"));
    }

    /** {@code active} while anyone is still away, {@code ended} if everyone was ended early, else {@code completed}. */
    static String effectiveStatus(List<Member> members, Instant now) {
        if (members.stream().anyMatch(m -> m.status() == AssignmentStatus.ACTIVE && m.endsAt().isAfter(now))) {
            return "active";
        }
        if (members.stream().allMatch(m -> m.status() == AssignmentStatus.ENDED)) {
            return "ended";
        }
        return "completed";
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return (Instant) value;
    }
}
