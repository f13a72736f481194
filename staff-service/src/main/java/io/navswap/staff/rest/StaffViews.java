package io.navswap.staff.rest;

import io.navswap.staff.domain.AssignmentKind;
import io.navswap.staff.domain.AssignmentStatus;
import io.navswap.staff.domain.Priority;
import io.navswap.staff.domain.StaffAssignment;
import io.navswap.staff.service.DiversionService.Diversion;
import io.navswap.staff.service.DiversionService.Member;
import io.navswap.staff.service.OnDutyService.Away;
import io.navswap.staff.service.OnDutyService.Duty;
import io.navswap.staff.service.OnDutyService.Roster;
import java.time.Instant;
import java.util.List;

/** Response bodies of {@code /staff/*}. */
public final class StaffViews {
    private StaffViews() {
    }

    public record AssignmentView(String id, String staffId, String stationId, Instant startsAt, Instant endsAt,
            AssignmentKind kind, String divertedFrom, String diversionId, Priority priority, String reason,
            AssignmentStatus status, boolean inForce, String createdBy, Instant createdAt, Instant endedAt,
            String endedBy) {

        public static AssignmentView of(StaffAssignment a, Instant now) {
            return new AssignmentView(a.id, a.staffId, a.stationId, a.startsAt, a.endsAt, a.kind, a.divertedFrom,
                    a.diversionId, a.priority, a.reason, a.status, a.coversInstant(now), a.createdBy, a.createdAt,
                    a.endedAt, a.endedBy);
        }
    }

    public record AssignmentPageView(String staffId, List<AssignmentView> items, int page, int size, long total) {
    }

    public record OnDutyStaff(String staffId, String assignmentId, AssignmentKind kind, Instant since, Instant until,
            String divertedFrom) {
        static OnDutyStaff of(Duty duty) {
            StaffAssignment a = duty.assignment();
            return new OnDutyStaff(duty.staffId(), a.id, a.kind, a.startsAt, a.endsAt, a.divertedFrom);
        }
    }

    public record DivertedStaff(String staffId, String toStationId, String diversionId, Instant until) {
        static DivertedStaff of(Away away) {
            return new DivertedStaff(away.staffId(), away.diversion().stationId, away.diversion().diversionId,
                    away.diversion().endsAt);
        }
    }

    public record StationRosterView(String stationId, Instant at, int onDutyCount, List<OnDutyStaff> onDuty,
            List<DivertedStaff> divertedAway) {
        public static StationRosterView of(Roster roster) {
            return new StationRosterView(roster.stationId(), roster.at(), roster.onDuty().size(),
                    roster.onDuty().stream().map(OnDutyStaff::of).toList(),
                    roster.divertedAway().stream().map(DivertedStaff::of).toList());
        }
    }

    public record DiversionView(String diversionId, String status, List<String> staffIds, String fromStationId,
            String toStationId, String reason, Priority priority, Instant startsAt, Instant endsAt, String createdBy,
            List<Member> members) {
        public static DiversionView of(Diversion d) {
            return new DiversionView(d.diversionId(), d.status(), d.members().stream().map(Member::staffId).toList(),
                    d.fromStationId(), d.toStationId(), d.reason(), d.priority(), d.startsAt(), d.endsAt(),
                    d.createdBy(), d.members());
        }
    }

    public record DiversionPageView(List<DiversionView> items, int page, int size) {
    }
}
