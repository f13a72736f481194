package io.navswap.staff.service;

import io.navswap.staff.domain.AssignmentKind;
import io.navswap.staff.domain.StaffAssignment;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where one person is on duty at an instant, from their assignments in force then: an active diversion
 * overrides every regular shift (they are at the diversion's station and nowhere else); without one they
 * are at the station of their regular shift.
 */
public final class DutyRules {
    private DutyRules() {
    }

    /** The assignments that put this person on duty at {@code at} (one diversion, or their regular shifts). */
    public static List<StaffAssignment> effective(List<StaffAssignment> ofOnePerson, Instant at) {
        List<StaffAssignment> inForce = ofOnePerson.stream().filter(a -> a.coversInstant(at)).toList();
        Optional<StaffAssignment> diversion = inForce.stream()
                .filter(a -> a.kind == AssignmentKind.DIVERSION)
                .max(Comparator.comparing((StaffAssignment a) -> a.startsAt).thenComparing(a -> a.id));
        if (diversion.isPresent()) {
            return List.of(diversion.get());
        }
        return inForce.stream().filter(a -> a.kind == AssignmentKind.REGULAR).toList();
    }

    /** The assignment that makes this person on duty at {@code stationId}, if any. */
    public static Optional<StaffAssignment> onDutyAt(List<StaffAssignment> ofOnePerson, String stationId, Instant at) {
        return effective(ofOnePerson, at).stream().filter(a -> stationId.equals(a.stationId)).findFirst();
    }

    /** The diversion in force for this person, if any. */
    public static Optional<StaffAssignment> activeDiversion(List<StaffAssignment> ofOnePerson, Instant at) {
        return effective(ofOnePerson, at).stream().filter(a -> a.kind == AssignmentKind.DIVERSION).findFirst();
    }
}
