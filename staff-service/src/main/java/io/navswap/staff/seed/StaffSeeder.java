package io.navswap.staff.seed;

import io.navswap.messaging.MongoErrors;
import io.navswap.shared.security.Roles;
import io.navswap.shared.seed.SeedCatalog;
import io.navswap.shared.seed.SeedCatalog.DemoStation;
import io.navswap.shared.seed.SeedCatalog.DemoUser;
import io.navswap.staff.client.AiModels.FaultAnswer;
import io.navswap.staff.client.AiModels.FaultRequest;
import io.navswap.staff.client.AiModels.TrendAnswer;
import io.navswap.staff.client.AiModels.TrendRequest;
import io.navswap.staff.config.StaffConfig;
import io.navswap.staff.domain.AssignmentKind;
import io.navswap.staff.domain.AssignmentStatus;
import io.navswap.staff.domain.Diagnosis;
import io.navswap.staff.domain.Fault;
import io.navswap.staff.domain.FaultScreening;
import io.navswap.staff.domain.FaultStatus;
import io.navswap.staff.domain.Priority;
import io.navswap.staff.domain.StaffAssignment;
import io.navswap.staff.domain.Ticket;
import io.navswap.staff.domain.TicketEvent;
import io.navswap.staff.domain.TicketOutcome;
import io.navswap.staff.domain.TicketStatus;
import io.navswap.staff.repository.AssignmentRepository;
import io.navswap.staff.repository.CounterRepository;
import io.navswap.staff.repository.FaultRepository;
import io.navswap.staff.repository.TicketRepository;
import io.navswap.staff.service.FaultHeuristics;
import io.navswap.staff.service.FaultHeuristics.Findings;
import io.navswap.staff.service.TicketNumbers;
import io.navswap.staff.service.TicketService;
import io.navswap.staff.service.Times;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo data of staff-service, written only when {@code navswap.seed.enabled=true}, into its own collections,
 * deterministically and idempotently (fixed ids, insert-if-absent, fixed {@code Random} seeds):
 * <ul>
 * <li>Shifts: each of the 30 SeedCatalog staff works at {@code SeedCatalog.homeStationOfStaff(n)} in daily
 * regular shifts from 00:00 to 24:00 (zone {@code navswap.staff.zone}) for yesterday, today and the next six
 * days, so "now" is always covered in a demo; a restart on a later day adds the missing days.</li>
 * <li>30 fault cases over the three levels: 8 at level 1 (flagged faulty, low model risk), 10 at level 2
 * (diagnosed, not critical), 12 at level 3 with tickets open, in progress, resolved and closed (critical
 * SOH, recurring faults, and unresolved diagnoses). Their times are relative to an anchor instant stored
 * on the first run, so later runs rebuild exactly the same documents. Case {@code i} is about
 * {@code SeedCatalog.faultBatteries().get(i)}, which station-service's seed holds {@code quarantined} at that
 * station; so no seeded ticket ends {@code repaired} (that outcome returns the battery to service through
 * {@code ticket.resolved}, which a seed does not emit): resolved and closed ones end replaced, retired or
 * no fault found, and resolving an open one as repaired in the demo brings its battery back.</li>
 * </ul>
 * No events are written for this history (no outbox entries).
 */
@ApplicationScoped
public class StaffSeeder {
    private static final Logger LOG = Logger.getLogger(StaffSeeder.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    static final int LEVEL1 = 8;
    static final int LEVEL2 = 10;
    static final int LEVEL3 = 12;
    /** Outcomes of seeded resolved tickets: never {@code repaired} (see the class comment). */
    static final List<TicketOutcome> HISTORICAL_OUTCOMES = List.of(TicketOutcome.REPLACED, TicketOutcome.RETIRED,
            TicketOutcome.NO_FAULT_FOUND);

    public record SeedReport(int shifts, int faults, int tickets) {
    }

    private final AssignmentRepository assignments;
    private final FaultRepository faults;
    private final TicketRepository tickets;
    private final CounterRepository counters;
    private final TicketService ticketService;
    private final StaffConfig config;
    private final Clock clock;
    private final boolean enabled;

    StaffSeeder(AssignmentRepository assignments, FaultRepository faults, TicketRepository tickets,
            CounterRepository counters, TicketService ticketService, StaffConfig config, Clock clock,
            @ConfigProperty(name = "navswap.seed.enabled") boolean enabled) {
        this.assignments = assignments;
        this.faults = faults;
        this.tickets = tickets;
        this.counters = counters;
        this.ticketService = ticketService;
        this.config = config;
        this.clock = clock;
        this.enabled = enabled;
    }

    void onStart(@Observes @jakarta.annotation.Priority(20) StartupEvent start) {
        if (enabled) {
            SeedReport report = seed().await().atMost(Duration.ofMinutes(2));
            LOG.infof("Seeded staff-service: %d shifts, %d faults, %d tickets inserted (existing ones kept)",
                    report.shifts(), report.faults(), report.tickets());
        }
    }

    public Uni<SeedReport> seed() {
        ZoneId zone = ZoneId.of(config.zone());
        Instant now = Times.now(clock);
        return seedShifts(zone, now).chain(shifts -> counters
                .setting("seed-anchor", now.truncatedTo(ChronoUnit.HOURS).toString())
                .map(Instant::parse)
                .chain(anchor -> seedFaultCases(anchor, zone))
                .map(counts -> new SeedReport(shifts, counts[0], counts[1])));
    }

    // ---- shifts ------------------------------------------------------------------------------------

    private Uni<Integer> seedShifts(ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<DemoUser> staff = SeedCatalog.users(Roles.STAFF);
        List<StaffAssignment> shifts = new ArrayList<>();
        for (int n = 1; n <= staff.size(); n++) {
            DemoUser person = staff.get(n - 1);
            DemoStation home = SeedCatalog.homeStationOfStaff(n);
            for (int d = -1; d <= 6; d++) {
                LocalDate day = today.plusDays(d);
                StaffAssignment shift = new StaffAssignment();
                shift.id = "ASG-SEED-" + person.id() + "-" + DAY.format(day);
                shift.staffId = person.id();
                shift.stationId = home.id();
                shift.startsAt = day.atStartOfDay(zone).toInstant();
                shift.endsAt = day.plusDays(1).atStartOfDay(zone).toInstant();
                shift.kind = AssignmentKind.REGULAR;
                shift.status = AssignmentStatus.ACTIVE;
                shift.reason = "demo roster: daily shift at the home station";
                shift.createdBy = "seed";
                shift.createdAt = shift.startsAt;
                shifts.add(shift);
            }
        }
        return Multi.createFrom().iterable(shifts)
                .onItem().transformToUniAndConcatenate(assignments::insertIfAbsent)
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    // ---- fault cases -------------------------------------------------------------------------------

    private record Case(List<Fault> faults, Ticket ticket) {
    }

    private Uni<int[]> seedFaultCases(Instant anchor, ZoneId zone) {
        List<Case> cases = new ArrayList<>();
        Map<String, Integer> perDay = new HashMap<>();
        for (int i = 0; i < LEVEL1 + LEVEL2 + LEVEL3; i++) {
            cases.add(faultCase(i, anchor, zone, perDay));
        }
        List<Fault> allFaults = cases.stream().flatMap(c -> c.faults().stream()).toList();
        List<Ticket> allTickets = cases.stream().map(Case::ticket).filter(t -> t != null).toList();
        Uni<Integer> insertedFaults = Multi.createFrom().iterable(allFaults)
                .onItem().transformToUniAndConcatenate(f -> faults.findById(f.id).chain(existing -> existing != null
                        ? Uni.createFrom().item(0)
                        : faults.persist(f).replaceWith(1).onFailure(MongoErrors::isDuplicateKey).recoverWithItem(0)))
                .collect().asList().map(list -> list.stream().mapToInt(Integer::intValue).sum());
        Uni<Integer> insertedTickets = Multi.createFrom().iterable(allTickets)
                .onItem().transformToUniAndConcatenate(t -> tickets.findById(t.id).chain(existing -> existing != null
                        ? Uni.createFrom().item(0)
                        : tickets.persist(t).replaceWith(1).onFailure(MongoErrors::isDuplicateKey).recoverWithItem(0)))
                .collect().asList().map(list -> list.stream().mapToInt(Integer::intValue).sum());
        Uni<Void> counterFloor = Multi.createFrom().iterable(perDay.entrySet())
                .onItem().transformToUniAndConcatenate(e -> counters.raiseTo(TicketNumbers.sequence(e.getKey()),
                        e.getValue()))
                .collect().last().replaceWithVoid();
        return insertedFaults.chain(f -> insertedTickets.chain(t -> counterFloor.replaceWith(new int[] { f, t })));
    }

    private Case faultCase(int i, Instant anchor, ZoneId zone, Map<String, Integer> perDay) {
        Random random = new Random(20_261_128L + i);
        SeedCatalog.FaultBattery subject = SeedCatalog.faultBatteries().get(i);
        List<DemoStation> stations = SeedCatalog.stations();
        DemoStation station = stations.stream().filter(s -> s.id().equals(subject.stationId())).findFirst()
                .orElseThrow();
        int stationIndex = stations.indexOf(station);
        String batteryId = subject.batteryId();
        String faultId = subject.faultId();
        int cycles = 500 + random.nextInt(1100);
        double temperature = 28 + random.nextInt(170) / 10.0;
        if (i < LEVEL1) {
            double soh = 76 + random.nextInt(120) / 10.0;
            Fault f = fault(faultId, batteryId, station.id(), soh, cycles, temperature,
                    anchor.minus(Duration.ofMinutes(60 + 37L * i)), "flagged faulty at the counter");
            FaultAnswer screening = FaultHeuristics.predictFault(request(f));
            f.screening = new FaultScreening(screening.faultProbability(), screening.riskLevel(), screening.source(),
                    screening.modelVersion(), f.receivedAt);
            return new Case(List.of(f), null);
        }
        if (i < LEVEL1 + LEVEL2) {
            double soh = 62 + random.nextInt(120) / 10.0;
            Fault f = fault(faultId, batteryId, station.id(), soh, cycles, temperature,
                    anchor.minus(Duration.ofMinutes(30 + 53L * (i - LEVEL1))), "SOH below 75 % at return");
            diagnose(f, List.of("high_probability"), false, 1, Priority.MEDIUM);
            return new Case(List.of(f), null);
        }
        int j = i - LEVEL1 - LEVEL2;
        Instant openedAt = anchor.minus(Duration.ofHours(20 + 31L * j));
        List<Fault> caseFaults = new ArrayList<>();
        Fault f;
        Priority priority;
        String why;
        switch (j % 3) {
            case 0 -> {
                double soh = 52 + random.nextInt(75) / 10.0;
                f = fault(faultId, batteryId, station.id(), soh, cycles, temperature, openedAt.minusSeconds(90),
                        "SOH below 75 % at return");
                priority = Priority.CRITICAL;
                diagnose(f, List.of("high_probability"), true, 1, priority);
                why = "critical";
            }
            case 1 -> {
                double soh = 66 + random.nextInt(70) / 10.0;
                Fault earlier = fault(faultId + "-A", batteryId, station.id(), soh + 1.5, cycles - 40, temperature,
                        openedAt.minus(Duration.ofDays(9)), "flagged faulty at the counter");
                caseFaults.add(earlier);
                f = fault(faultId, batteryId, station.id(), soh, cycles, temperature, openedAt.minusSeconds(90),
                        "SOH below 75 % at return");
                priority = Priority.HIGH;
                diagnose(f, List.of("recurring", "high_probability"), true, 2, priority);
                why = "recurring";
            }
            default -> {
                double soh = 63 + random.nextInt(110) / 10.0;
                f = fault(faultId, batteryId, station.id(), soh, cycles, temperature, openedAt.minus(Duration.ofHours(25)),
                        "SOH below 75 % at return");
                priority = Priority.MEDIUM;
                diagnose(f, List.of("high_probability"), false, 1, priority);
                why = "unresolved";
            }
        }
        caseFaults.add(f);
        String day = DAY.format(openedAt.atZone(zone));
        int seq = perDay.merge(day, 1, Integer::sum);
        Ticket ticket = ticket(TicketNumbers.format(day, seq), f, caseFaults, priority, why, openedAt, j,
                stationIndex);
        for (Fault linked : caseFaults) {
            linked.status = FaultStatus.TICKETED;
            linked.level = FaultStatus.TICKETED.level();
            linked.ticketId = ticket.id;
            linked.ticketedAt = openedAt;
        }
        return new Case(caseFaults, ticket);
    }

    private Ticket ticket(String number, Fault source, List<Fault> caseFaults, Priority priority, String why,
            Instant openedAt, int j, int stationIndex) {
        String assignee = String.format(Locale.ROOT, "usr-s-%02d", stationIndex + 1);
        Ticket t = new Ticket();
        t.id = number;
        t.number = number;
        t.batteryId = source.batteryId;
        t.stationId = source.stationId;
        t.priority = priority;
        t.title = "Battery " + source.batteryId + ": " + source.diagnosis.riskLevel + " fault risk";
        t.description = source.diagnosis.diagnosis;
        t.suggestedFix = source.diagnosis.suggestedFix;
        t.sourceFaultId = source.id;
        t.faultIds = new ArrayList<>(caseFaults.stream().map(x -> x.id).toList());
        t.assigneeId = assignee;
        t.assignmentNote = "least loaded technician on duty at " + source.stationId;
        t.assignedAt = openedAt;
        t.openedAt = openedAt;
        t.slaDueAt = openedAt.plus(ticketService.sla(priority));
        t.history.add(new TicketEvent(openedAt, "opened", null, "open", "staff-service (" + why + ")", t.description));
        t.history.add(new TicketEvent(openedAt, "assigned", null, null, "staff-service (" + why + ")",
                assignee + ": " + t.assignmentNote));
        TicketStatus status = TicketStatus.values()[j % 4];
        t.status = status;
        t.version = status.ordinal();
        if (status.active()) {
            t.activeBatteryKey = t.batteryId;
        }
        if (status.ordinal() >= TicketStatus.IN_PROGRESS.ordinal()) {
            t.startedAt = openedAt.plus(Duration.ofHours(2));
            t.history.add(new TicketEvent(t.startedAt, "started", "open", "in_progress", assignee, null));
        }
        if (status.ordinal() >= TicketStatus.RESOLVED.ordinal()) {
            t.resolvedAt = t.startedAt.plus(Duration.ofHours(6));
            t.outcome = HISTORICAL_OUTCOMES.get((j / 4 + j) % HISTORICAL_OUTCOMES.size());
            t.resolvedBy = assignee;
            t.resolutionNotes = "demo resolution: " + t.outcome.wire();
            t.history.add(new TicketEvent(t.resolvedAt, "resolved", "in_progress", "resolved", assignee,
                    t.outcome.wire()));
        }
        if (status == TicketStatus.CLOSED) {
            t.closedAt = t.resolvedAt.plus(Duration.ofHours(12));
            t.history.add(new TicketEvent(t.closedAt, "closed", "resolved", "closed", "usr-a-001", null));
        }
        return t;
    }

    private static Fault fault(String id, String batteryId, String stationId, double soh, int cycles,
            double temperature, Instant recordedAt, String reason) {
        Fault f = new Fault();
        f.id = id;
        f.eventId = "seed-" + id;
        f.batteryId = batteryId;
        f.stationId = stationId;
        f.level = FaultStatus.RECORDED.level();
        f.status = FaultStatus.RECORDED;
        f.reason = reason;
        f.soh = Math.round(soh * 10) / 10.0;
        f.cycles = cycles;
        f.temperatureC = temperature;
        f.recordedAt = recordedAt.truncatedTo(ChronoUnit.MILLIS);
        f.receivedAt = f.recordedAt.plusSeconds(2);
        return f;
    }

    private static FaultRequest request(Fault f) {
        return new FaultRequest(f.batteryId, f.stationId, f.soh, f.cycles, f.temperatureC, 1);
    }

    private static void diagnose(Fault f, List<String> triggers, boolean escalate, long batteryFaults,
            Priority priority) {
        FaultAnswer p = FaultHeuristics.predictFault(request(f));
        TrendAnswer trend = FaultHeuristics.predictTrend(new TrendRequest(f.batteryId, f.soh, f.cycles,
                f.temperatureC));
        boolean recurring = triggers.contains("recurring");
        String[] text = FaultHeuristics.diagnose(new Findings(f.soh, f.temperatureC, trend.sohSlopePer100Cycles(),
                recurring, batteryFaults, false, 0, f.stationId));
        Instant at = f.receivedAt.plusSeconds(1);
        f.screening = new FaultScreening(p.faultProbability(), p.riskLevel(), p.source(), p.modelVersion(), at);
        Diagnosis d = new Diagnosis();
        d.faultProbability = p.faultProbability();
        d.riskLevel = p.riskLevel();
        d.sohSlopePer100Cycles = trend.sohSlopePer100Cycles();
        d.cyclesToRetirement = FaultHeuristics.cyclesToRetirement(f.soh, trend.sohSlopePer100Cycles());
        d.triggers = triggers;
        d.diagnosis = text[0];
        d.suggestedFix = text[1];
        d.escalate = escalate;
        d.priority = priority;
        d.faultSource = p.source();
        d.faultModelVersion = p.modelVersion();
        d.trendSource = trend.source();
        d.trendModelVersion = trend.modelVersion();
        d.diagnosedAt = at;
        f.diagnosis = d;
        f.status = FaultStatus.DIAGNOSED;
        f.level = FaultStatus.DIAGNOSED.level();
    }
}
