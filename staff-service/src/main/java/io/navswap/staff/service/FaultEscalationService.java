package io.navswap.staff.service;

import io.navswap.messaging.OutboxEvents;
import io.navswap.messaging.OutboxRelay;
import io.navswap.messaging.ServiceTokens;
import io.navswap.shared.events.EventEnvelope;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.events.FaultDiagnosed;
import io.navswap.shared.events.FaultRecorded;
import io.navswap.shared.events.Subjects;
import io.navswap.shared.events.Topics;
import io.navswap.staff.client.AiClient;
import io.navswap.staff.client.AiModels.FaultAnswer;
import io.navswap.staff.client.AiModels.FaultRequest;
import io.navswap.staff.client.AiModels.TrendAnswer;
import io.navswap.staff.client.AiModels.TrendRequest;
import io.navswap.staff.config.StaffConfig;
import io.navswap.staff.domain.Diagnosis;
import io.navswap.staff.domain.Fault;
import io.navswap.staff.domain.FaultScreening;
import io.navswap.staff.domain.FaultStatus;
import io.navswap.staff.domain.Priority;
import io.navswap.staff.domain.Ticket;
import io.navswap.staff.repository.FaultRepository;
import io.navswap.staff.service.FaultHeuristics.Findings;
import io.navswap.staff.service.TicketService.OpenReason;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The three fault levels. Level 1 ({@code fault.recorded}, battery already quarantined) is recorded once
 * per fault. Every level-1 fault is screened by the fault model; level 2 (diagnosis + fix, event
 * {@code fault.diagnosed}) runs when the battery faults recurrently, the station's fault count spikes, or
 * the fault probability is high. Level 3 (a ticket) follows for critical faults (probability ≥ critical,
 * recurring, or SOH below the critical line), and for any fault left unresolved too long. Each step is
 * conditional on the fault's stored status, so a redelivered event resumes where a crash stopped.
 */
@ApplicationScoped
public class FaultEscalationService {
    private static final Logger LOG = Logger.getLogger(FaultEscalationService.class);
    /** A critical diagnosis without its ticket after this long was interrupted; the escalation job finishes it. */
    static final java.time.Duration STALLED_AFTER = java.time.Duration.ofMinutes(2);

    private final FaultRepository faults;
    private final TicketService tickets;
    private final AiClient ai;
    private final ServiceTokens serviceTokens;
    private final OutboxEvents events;
    private final OutboxRelay relay;
    private final StaffConfig config;
    private final Clock clock;

    FaultEscalationService(FaultRepository faults, TicketService tickets, AiClient ai, ServiceTokens serviceTokens,
            OutboxEvents events, OutboxRelay relay, StaffConfig config, Clock clock) {
        this.faults = faults;
        this.tickets = tickets;
        this.ai = ai;
        this.serviceTokens = serviceTokens;
        this.events = events;
        this.relay = relay;
        this.config = config;
        this.clock = clock;
    }

    /** Level 1 from a {@code fault.recorded} event, then whatever levels follow. */
    public Uni<Fault> onFaultRecorded(EventEnvelope envelope, FaultRecorded data) {
        Instant now = Times.now(clock);
        Fault fault = new Fault();
        fault.id = data.faultId() != null && !data.faultId().isBlank() ? data.faultId() : "FLT-" + envelope.eventId();
        fault.eventId = envelope.eventId();
        fault.batteryId = data.batteryId();
        fault.stationId = data.stationId();
        fault.level = FaultStatus.RECORDED.level();
        fault.status = FaultStatus.RECORDED;
        fault.reason = data.reason();
        fault.soh = data.soh();
        fault.cycles = data.cycles();
        fault.temperatureC = data.temperatureC();
        fault.recordedAt = (data.recordedAt() != null ? data.recordedAt() : envelope.occurredAt())
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        fault.receivedAt = now;
        return faults.insertIfAbsent(fault).chain(this::advance);
    }

    /** Takes a stored fault as far up the levels as its facts say. */
    public Uni<Fault> advance(Fault fault) {
        return switch (fault.status) {
            case TICKETED -> Uni.createFrom().item(fault);
            case DIAGNOSED -> fault.diagnosis != null && fault.diagnosis.escalate
                    ? ticket(fault, fault.diagnosis.priority, "critical").replaceWith(fault)
                    : Uni.createFrom().item(fault);
            case RECORDED -> analyse(fault);
        };
    }

    private Uni<Fault> analyse(Fault fault) {
        Instant at = fault.recordedAt;
        String token = serviceTokens.bearer();
        Uni<Long> batteryFaults = faults.countForBattery(fault.batteryId,
                at.minus(config.faults().recurrenceWindow()), at);
        Uni<Long> stationFaults = fault.stationId == null ? Uni.createFrom().item(0L)
                : faults.countAtStation(fault.stationId, at.minus(config.faults().stationSpikeWindow()), at);
        return Uni.combine().all().unis(batteryFaults, stationFaults).asTuple().chain(counts -> {
            long ofBattery = counts.getItem1();
            long atStation = counts.getItem2();
            FaultRequest request = new FaultRequest(fault.batteryId, fault.stationId, fault.soh, fault.cycles,
                    fault.temperatureC, (int) ofBattery);
            return ai.predictFault(token, request).chain(prediction -> {
                FaultScreening screening = new FaultScreening(prediction.faultProbability(),
                        riskLevel(prediction), prediction.source(), prediction.modelVersion(), Times.now(clock));
                List<String> triggers = new ArrayList<>();
                boolean recurring = ofBattery >= config.faults().recurrenceCount();
                boolean spike = atStation >= config.faults().stationSpikeThreshold();
                if (recurring) {
                    triggers.add("recurring");
                }
                if (spike) {
                    triggers.add("station_spike");
                }
                if (prediction.faultProbability() >= config.faults().highProbability()) {
                    triggers.add("high_probability");
                }
                // SOH below the retirement line is critical whatever the model says (SPEC §4, README level 3).
                if (fault.soh != null && fault.soh < config.faults().criticalSoh()) {
                    triggers.add("critical_soh");
                }
                if (triggers.isEmpty()) {
                    return faults.recordScreening(fault.id, screening).chain(() -> faults.findById(fault.id));
                }
                return ai.predictBatteryTrend(token, new TrendRequest(fault.batteryId, fault.soh, fault.cycles,
                        fault.temperatureC))
                        .chain(trend -> diagnose(fault, screening, prediction, trend, triggers, recurring, ofBattery,
                                spike, atStation));
            });
        });
    }

    private Uni<Fault> diagnose(Fault fault, FaultScreening screening, FaultAnswer prediction, TrendAnswer trend,
            List<String> triggers, boolean recurring, long ofBattery, boolean spike, long atStation) {
        Instant now = Times.now(clock);
        double p = prediction.faultProbability();
        boolean lowSoh = fault.soh != null && fault.soh < config.faults().criticalSoh();
        boolean critical = p >= config.faults().criticalProbability() || recurring || lowSoh;
        String[] text = FaultHeuristics.diagnose(new Findings(fault.soh, fault.temperatureC,
                trend.sohSlopePer100Cycles(), recurring, ofBattery, spike, atStation, fault.stationId));
        Diagnosis d = new Diagnosis();
        d.faultProbability = p;
        d.riskLevel = screening.riskLevel;
        d.sohSlopePer100Cycles = trend.sohSlopePer100Cycles();
        d.cyclesToRetirement = FaultHeuristics.cyclesToRetirement(fault.soh, trend.sohSlopePer100Cycles());
        d.triggers = triggers;
        d.diagnosis = text[0];
        d.suggestedFix = text[1];
        d.escalate = critical;
        d.priority = lowSoh || p >= config.faults().criticalProbability() ? Priority.CRITICAL
                : recurring ? Priority.HIGH : Priority.MEDIUM;
        d.faultSource = prediction.source();
        d.faultModelVersion = prediction.modelVersion();
        d.trendSource = trend.source();
        d.trendModelVersion = trend.modelVersion();
        d.diagnosedAt = now;
        var event = events.entry(Topics.FAULTS, EventTypes.FAULT_DIAGNOSED, Subjects.battery(fault.batteryId),
                new FaultDiagnosed(fault.id, fault.batteryId, fault.stationId, p, d.riskLevel, d.diagnosis,
                        d.suggestedFix, d.escalate, now));
        return faults.recordDiagnosis(fault.id, screening, d, event)
                .invoke(done -> {
                    if (done) {
                        relay.nudge(faults.mongoCollection(), fault.id);
                        LOG.infof("Fault %s of %s diagnosed (p=%.2f, %s, triggers %s)%s", fault.id, fault.batteryId, p,
                                d.faultSource, triggers, critical ? "; escalating to a ticket" : "");
                    }
                })
                .chain(() -> faults.findById(fault.id))
                .chain(this::advance);
    }

    private Uni<Ticket> ticket(Fault fault, Priority priority, String why) {
        Diagnosis d = fault.diagnosis;
        String title = String.format(Locale.ROOT, "Battery %s: %s", fault.batteryId,
                d != null ? d.riskLevel + " fault risk" : "unresolved fault");
        String description = d != null && d.escalate ? d.diagnosis
                : (d != null ? d.diagnosis + ". " : "") + "Level-" + fault.level + " fault (" + fault.reason
                        + ") not resolved within " + config.faults().unresolvedAfter();
        String fix = d != null ? d.suggestedFix : null;
        return tickets.openForFault(fault, new OpenReason(priority, title, description, fix,
                "staff-service (" + why + ")"));
    }

    /**
     * Level 3 for faults that stayed at level 1 or 2 longer than {@code unresolved-after} (priority low, or
     * medium once diagnosed), and for critical diagnoses whose ticket was not opened within
     * {@link #STALLED_AFTER} (their own priority).
     */
    public Uni<Integer> escalateUnresolved() {
        Instant now = Times.now(clock);
        return faults.unresolved(now.minus(STALLED_AFTER), now.minus(config.faults().unresolvedAfter()), 50)
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(fault -> ticket(fault, unresolvedPriority(fault),
                        fault.diagnosis != null && fault.diagnosis.escalate ? "critical" : "unresolved")
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Could not escalate unresolved fault %s: %s", fault.id, failure.toString());
                            return null;
                        }))
                .collect().asList().map(List::size);
    }

    static Priority unresolvedPriority(Fault fault) {
        if (fault.diagnosis == null) {
            return Priority.LOW;
        }
        return fault.diagnosis.escalate && fault.diagnosis.priority != null ? fault.diagnosis.priority
                : Priority.MEDIUM;
    }

    private static String riskLevel(FaultAnswer prediction) {
        return prediction.riskLevel() != null ? prediction.riskLevel().toLowerCase(Locale.ROOT)
                : FaultHeuristics.riskLevel(prediction.faultProbability());
    }
}
