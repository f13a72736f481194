package io.navswap.staff.service;

import io.navswap.staff.domain.AssignmentKind;
import io.navswap.staff.domain.StaffAssignment;
import io.navswap.staff.repository.AssignmentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Answers "who is on duty where, now" by time, never by job: a diversion counts from its start to its end
 * exactly, whether or not the completion job has run.
 */
@ApplicationScoped
public class OnDutyService {

    /** Someone on duty at a station, through {@code assignment}. */
    public record Duty(String staffId, StaffAssignment assignment) {
    }

    /** Someone whose regular station this is but who is diverted elsewhere right now. */
    public record Away(String staffId, StaffAssignment regular, StaffAssignment diversion) {
    }

    public record Roster(String stationId, Instant at, List<Duty> onDuty, List<Away> divertedAway) {
    }

    private final AssignmentRepository assignments;

    OnDutyService(AssignmentRepository assignments) {
        this.assignments = assignments;
    }

    /** One indexed query on the person's assignments in force. */
    public Uni<Optional<StaffAssignment>> onDutyAt(String stationId, String staffId, Instant at) {
        return assignments.activeForStaff(staffId, at).map(list -> DutyRules.onDutyAt(list, stationId, at));
    }

    public Uni<List<StaffAssignment>> inForce(String staffId, Instant at) {
        return assignments.activeForStaff(staffId, at);
    }

    /** Who is on duty at one station, and who of its regular staff is diverted away. */
    public Uni<Roster> roster(String stationId, Instant at) {
        return assignments.activeAtStation(stationId, at).chain(here -> {
            List<String> people = here.stream().map(a -> a.staffId).distinct().toList();
            return assignments.activeForStaff(people, at).map(all -> {
                Map<String, List<StaffAssignment>> byPerson = all.stream()
                        .collect(Collectors.groupingBy(a -> a.staffId, TreeMap::new, Collectors.toList()));
                List<Duty> onDuty = new ArrayList<>();
                List<Away> away = new ArrayList<>();
                byPerson.forEach((staffId, theirs) -> {
                    Optional<StaffAssignment> duty = DutyRules.onDutyAt(theirs, stationId, at);
                    if (duty.isPresent()) {
                        onDuty.add(new Duty(staffId, duty.get()));
                        return;
                    }
                    Optional<StaffAssignment> diversion = DutyRules.activeDiversion(theirs, at);
                    Optional<StaffAssignment> regularHere = theirs.stream()
                            .filter(a -> a.kind == AssignmentKind.REGULAR && stationId.equals(a.stationId)
                                    && a.coversInstant(at))
                            .findFirst();
                    if (diversion.isPresent() && regularHere.isPresent()) {
                        away.add(new Away(staffId, regularHere.get(), diversion.get()));
                    }
                });
                return new Roster(stationId, at, onDuty, away);
            });
        });
    }

    /** Station → people on duty there, network-wide, from one query of the assignments in force. */
    public Uni<Map<String, List<Duty>>> everywhere(Instant at) {
        return assignments.activeEverywhere(at).map(all -> {
            Map<String, List<Duty>> byStation = new TreeMap<>();
            all.stream().collect(Collectors.groupingBy(a -> a.staffId, TreeMap::new, Collectors.toList()))
                    .forEach((staffId, theirs) -> DutyRules.effective(theirs, at).forEach(a -> byStation
                            .computeIfAbsent(a.stationId, k -> new ArrayList<>()).add(new Duty(staffId, a))));
            byStation.values().forEach(list -> list.sort(Comparator.comparing(Duty::staffId)));
            return byStation;
        });
    }
}
