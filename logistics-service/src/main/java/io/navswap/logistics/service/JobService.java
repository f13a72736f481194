package io.navswap.logistics.service;

import io.navswap.logistics.client.StationClient;
import io.navswap.logistics.config.LogisticsConfig;
import io.navswap.logistics.domain.BatteryStatuses;
import io.navswap.logistics.domain.Geo;
import io.navswap.logistics.domain.JobOrigin;
import io.navswap.logistics.domain.JobPriority;
import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.domain.Place;
import io.navswap.logistics.domain.PlaceType;
import io.navswap.logistics.domain.TransportJob;
import io.navswap.logistics.repository.CreditLedgerRepository;
import io.navswap.logistics.repository.TransportJobRepository;
import io.navswap.logistics.repository.TransporterSlotRepository;
import io.navswap.messaging.OutboxEntry;
import io.navswap.messaging.OutboxRelay;
import io.navswap.shared.events.EventTypes;
import io.navswap.shared.geo.Haversine;
import io.navswap.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The transporter marketplace: creating, listing, accepting, picking up, delivering and cancelling jobs. Every
 * state change is decided in Java (for a precise answer) and then made by one conditional update that only
 * matches the state that was seen, so concurrent callers cannot both win.
 */
@ApplicationScoped
public class JobService {
    private static final Logger LOG = Logger.getLogger(JobService.class);

    private final TransportJobRepository jobs;
    private final TransporterSlotRepository slots;
    private final CreditLedgerRepository ledgerEntries;
    private final CreditLedger ledger;
    private final JobEvents events;
    private final CreditPolicy creditPolicy;
    private final PlaceDirectory places;
    private final StationClient stations;
    private final OutboxRelay relay;
    private final LogisticsConfig config;

    JobService(TransportJobRepository jobs, TransporterSlotRepository slots, CreditLedgerRepository ledgerEntries,
            CreditLedger ledger, JobEvents events, CreditPolicy creditPolicy, PlaceDirectory places,
            StationClient stations, OutboxRelay relay, LogisticsConfig config) {
        this.jobs = jobs;
        this.slots = slots;
        this.ledgerEntries = ledgerEntries;
        this.ledger = ledger;
        this.events = events;
        this.creditPolicy = creditPolicy;
        this.places = places;
        this.stations = stations;
        this.relay = relay;
        this.config = config;
    }

    // ---- creation ----------------------------------------------------------------------------------------

    /**
     * Creates an open job with its {@code job.created} event. Answers null when a live job already holds the
     * draft's open key (the shortage or overflow is already being handled).
     */
    public Uni<TransportJob> create(JobDraft draft) {
        Instant now = Instant.now();
        TransportJob job = new TransportJob();
        job.id = newJobId();
        job.status = JobStatus.OPEN;
        job.origin = draft.origin();
        job.priority = draft.priority() == null ? JobPriority.NORMAL : draft.priority();
        setSource(job, draft.source());
        setDestination(job, draft.destination());
        job.batteryCount = draft.batteryCount();
        job.distanceKm = Geo.round2(draft.source().distanceKmTo(draft.destination()));
        job.credits = creditPolicy.credits(job.distanceKm, job.batteryCount);
        job.openKey = draft.openKey();
        job.reason = draft.reason();
        job.plannedBy = draft.plannedBy();
        job.createdBy = draft.createdBy();
        job.notes = draft.notes();
        job.createdAt = now;
        job.openedAt = now;
        job.updatedAt = now;
        job.outbox.add(events.changed(EventTypes.JOB_CREATED, job, JobStatus.OPEN, null, List.of(), job.credits, now));
        return jobs.insertIfAbsent(job).map(inserted -> inserted ? job : null)
                .invoke(created -> {
                    if (created != null) {
                        LOG.infof("Job %s created: %d batteries %s %s → %s %s (%s, %s)", job.id, job.batteryCount,
                                job.sourceType.wire(), job.sourceId, job.destinationType.wire(), job.destinationId,
                                job.reason, job.plannedBy);
                        relay.nudge(jobs.mongoCollection(), job.id);
                    }
                });
    }

    /** An admin's job between two known places. */
    public Uni<TransportJob> createByAdmin(Caller caller, PlaceType sourceType, String sourceId, PlaceType destinationType,
            String destinationId, int batteryCount, JobPriority priority, String notes) {
        if (sourceType == destinationType && sourceId.equals(destinationId)) {
            throw new ProblemException(400, "same-source-and-destination", "Same source and destination",
                    "A job must move batteries between two different places");
        }
        if (batteryCount > config.rebalancing().maxBatteriesPerJob()) {
            throw new ProblemException(400, "too-many-batteries", "Too many batteries",
                    "One job carries at most " + config.rebalancing().maxBatteriesPerJob() + " batteries");
        }
        return places.place(sourceType, sourceId)
                .map(found -> found.orElseThrow(() -> placeNotFound(sourceType, sourceId)))
                .chain(source -> places.place(destinationType, destinationId)
                        .map(found -> found.orElseThrow(() -> placeNotFound(destinationType, destinationId)))
                        .chain(destination -> create(new JobDraft(JobOrigin.MANUAL, priority, source, destination,
                                batteryCount, null, "created by admin " + caller.id(), "admin", caller.id(), notes))));
    }

    // ---- marketplace -------------------------------------------------------------------------------------

    /**
     * Open jobs whose pickup is within {@code radiusKm}, best first: credits per km driven (to the pickup and
     * on to the destination), then priority, then distance to the pickup.
     */
    public Uni<List<RankedJob>> available(double latitude, double longitude, double radiusKm) {
        double dLat = Geo.latitudeDelta(radiusKm);
        double dLon = Geo.longitudeDelta(latitude, radiusKm);
        return jobs.openInBox(latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon)
                .map(found -> found.stream()
                        .map(job -> rank(job, latitude, longitude))
                        .filter(ranked -> ranked.distanceToPickupKm() <= radiusKm)
                        .sorted(Comparator.comparingDouble(RankedJob::creditsPerKm).reversed()
                                .thenComparing(r -> -r.job().priority.rank())
                                .thenComparingDouble(RankedJob::distanceToPickupKm)
                                .thenComparing(r -> r.job().createdAt)
                                .thenComparing(r -> r.job().id))
                        .limit(config.jobs().availableLimit())
                        .toList());
    }

    /**
     * {@code open → accepted}. A slot is taken first (at most N held jobs per transporter, atomically), then the
     * job is claimed with a conditional update; a lost race gives the slot back. A repeated accept by the winner
     * answers the job again.
     */
    public Uni<TransportJob> accept(Caller caller, String jobId) {
        return load(jobId).chain(job -> {
            if (JobStatus.HELD.contains(job.status) && caller.id().equals(job.transporterId)) {
                return Uni.createFrom().item(job);
            }
            if (job.status != JobStatus.OPEN) {
                throw notOpen(job);
            }
            Instant now = Instant.now();
            int max = config.jobs().maxActivePerTransporter();
            return slots.reserve(caller.id(), jobId, max, now).chain(reserved -> {
                if (!reserved) {
                    throw new ProblemException(409, "too-many-active-jobs", "Too many active jobs",
                            "A transporter holds at most " + max + " accepted or picked-up jobs; deliver one first");
                }
                OutboxEntry event = events.changed(EventTypes.JOB_ACCEPTED, job, JobStatus.ACCEPTED, caller.id(),
                        List.of(), job.credits, now);
                return jobs.accept(jobId, caller.id(), now, event).chain(accepted -> {
                    if (accepted != null) {
                        relay.nudge(jobs.mongoCollection(), jobId);
                        return Uni.createFrom().item(accepted);
                    }
                    return slots.release(caller.id(), jobId).chain(() -> load(jobId)).map(current -> {
                        if (JobStatus.HELD.contains(current.status) && caller.id().equals(current.transporterId)) {
                            return current;
                        }
                        throw notOpen(current);
                    });
                });
            });
        });
    }

    /**
     * {@code accepted → picked_up} by the holder. Which batteries leave, in order of preference: those the
     * transporter names (scanned at the source); else, at a station, the best charged ones station-service lists
     * there now; else (a partner-shop source, which station-service does not list, or station-service not
     * answering) none are named and station-service picks {@code battery_count} of the source's stock when it
     * applies {@code job.picked_up}. The job's count becomes the number actually named (never more than
     * planned) and its credits follow; the total number of batteries is untouched either way, they only move.
     */
    public Uni<TransportJob> pickUp(Caller caller, String jobId, List<String> namedBatteryIds) {
        return load(jobId).chain(job -> {
            requireHolder(caller, job);
            if (job.status == JobStatus.PICKED_UP) {
                return Uni.createFrom().item(job);
            }
            requireStatus(job, JobStatus.ACCEPTED, "picked up");
            return batteriesFor(job, namedBatteryIds).chain(batteryIds -> {
                Instant now = Instant.now();
                int count = batteryIds.isEmpty() ? job.batteryCount : batteryIds.size();
                double credits = creditPolicy.credits(job.distanceKm, count);
                OutboxEntry event = events.changed(EventTypes.JOB_PICKED_UP, job, JobStatus.PICKED_UP, caller.id(),
                        batteryIds, credits, now);
                return jobs.pickUp(jobId, caller.id(), batteryIds, count, credits, now, event)
                        .chain(updated -> updated != null ? Uni.createFrom().item(updated) : raced(caller, jobId,
                                JobStatus.PICKED_UP, "picked up"))
                        .invoke(() -> relay.nudge(jobs.mongoCollection(), jobId));
            });
        });
    }

    /**
     * {@code picked_up → delivered} by the holder: the earnings are booked in the ledger at once (and again,
     * harmlessly, by the consumer of the {@code job.delivered} event should this process die first), and the
     * transporter's slot is freed. A repeated complete answers the delivered job again.
     */
    public Uni<TransportJob> complete(Caller caller, String jobId) {
        return load(jobId).chain(job -> {
            requireHolder(caller, job);
            if (job.status == JobStatus.DELIVERED) {
                return Uni.createFrom().item(job);
            }
            requireStatus(job, JobStatus.PICKED_UP, "completed");
            Instant now = Instant.now();
            double earned = creditPolicy.credits(job.distanceKm, job.batteryCount);
            OutboxEntry event = events.changed(EventTypes.JOB_DELIVERED, job, JobStatus.DELIVERED, caller.id(),
                    job.batteryIds, earned, now);
            return jobs.deliver(jobId, caller.id(), earned, now, event)
                    .chain(delivered -> delivered != null
                            ? afterDelivery(delivered, event.eventId)
                            : raced(caller, jobId, JobStatus.DELIVERED, "completed"));
        });
    }

    private Uni<TransportJob> afterDelivery(TransportJob delivered, String eventId) {
        relay.nudge(jobs.mongoCollection(), delivered.id);
        return ledger.bookDelivery(delivered.id, delivered.transporterId, delivered.earnedCredits,
                        delivered.batteryCount, delivered.distanceKm, eventId, delivered.deliveredAt)
                .onFailure().invoke(e -> LOG.warnf(e, "Earnings of %s not booked now; the job.delivered consumer will",
                        delivered.id))
                .onFailure().recoverWithNull()
                .chain(() -> slots.release(delivered.transporterId, delivered.id))
                .onFailure().invoke(e -> LOG.warnf(e, "Slot of %s not released now; the sweeper will", delivered.id))
                .onFailure().recoverWithNull()
                .replaceWith(delivered);
    }

    /** {@code open|accepted → cancelled} (admin). Batteries on the road cannot be cancelled back. */
    public Uni<TransportJob> cancel(Caller caller, String jobId, String reason) {
        return load(jobId).chain(job -> {
            if (job.status == JobStatus.CANCELLED) {
                return Uni.createFrom().item(job);
            }
            if (!job.status.canMoveTo(JobStatus.CANCELLED)) {
                throw new ProblemException(409, "job-not-cancellable", "Job cannot be cancelled",
                        "Job " + jobId + " is " + job.status.wire() + "; only open or accepted jobs can be cancelled");
            }
            Instant now = Instant.now();
            String why = reason == null || reason.isBlank() ? "cancelled by admin " + caller.id() : reason;
            OutboxEntry event = events.changed(EventTypes.JOB_CANCELLED, job, JobStatus.CANCELLED, job.transporterId,
                    List.of(), job.credits, now);
            return jobs.cancel(jobId, job.status, why, now, event).chain(cancelled -> {
                if (cancelled == null) {
                    return load(jobId).map(current -> {
                        if (current.status == JobStatus.CANCELLED) {
                            return current;
                        }
                        throw new ProblemException(409, "job-state-changed", "Job changed meanwhile",
                                "Job " + jobId + " became " + current.status.wire() + " while being cancelled; try again");
                    });
                }
                relay.nudge(jobs.mongoCollection(), jobId);
                return job.transporterId == null
                        ? Uni.createFrom().item(cancelled)
                        : slots.release(job.transporterId, jobId).replaceWith(cancelled);
            });
        });
    }

    // ---- reads -------------------------------------------------------------------------------------------

    /** One job: admins and services see all; a transporter sees open jobs and his own. */
    public Uni<TransportJob> get(Caller caller, boolean service, String jobId) {
        return load(jobId).map(job -> {
            if (!service && !caller.admin() && job.status != JobStatus.OPEN && !caller.id().equals(job.transporterId)) {
                throw ProblemException.forbidden("Job " + jobId + " is not yours");
            }
            return job;
        });
    }

    public Uni<List<TransportJob>> list(JobStatus status, int page, int size) {
        return jobs.page(status, page, size);
    }

    public Uni<Long> count(JobStatus status) {
        return jobs.countWithStatus(status);
    }

    public Uni<TransporterHistory> history(Caller caller, String transporterId, int page, int size) {
        if (!caller.mayActFor(transporterId)) {
            throw ProblemException.forbidden("A transporter sees only his own history");
        }
        return Uni.combine().all().unis(
                        jobs.pageByTransporter(transporterId, page, size),
                        jobs.countByTransporter(transporterId),
                        jobs.countByTransporter(transporterId, Set.of(JobStatus.DELIVERED)),
                        jobs.countByTransporter(transporterId, JobStatus.HELD),
                        ledgerEntries.balance(transporterId, io.navswap.logistics.domain.CreditKind.TRANSPORT_EARNINGS))
                .with((page1, total, delivered, active, earnings) -> new TransporterHistory(transporterId,
                        Geo.round2(earnings), delivered, active, total, page, size, page1));
    }

    public Uni<JobSummary> summary() {
        List<Uni<Map.Entry<String, Long>>> counts = new ArrayList<>();
        for (JobStatus status : JobStatus.values()) {
            counts.add(jobs.countWithStatus(status).map(n -> Map.entry(status.wire(), n)));
        }
        Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        return Uni.join().all(counts).andFailFast()
                .chain(entries -> {
                    Map<String, Long> byStatus = new LinkedHashMap<>();
                    entries.forEach(e -> byStatus.put(e.getKey(), e.getValue()));
                    return Uni.combine().all().unis(jobs.activeTransporters(), ledgerEntries.issuedSince(midnight))
                            .with((active, issued) -> new JobSummary(byStatus, active, Geo.round2(issued)));
                });
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** The batteries to name in the pickup; empty means "station-service chooses" (see {@link #pickUp}). */
    private Uni<List<String>> batteriesFor(TransportJob job, List<String> named) {
        if (named != null && !named.isEmpty()) {
            Set<String> distinct = new HashSet<>(named);
            if (distinct.size() != named.size()) {
                throw new ProblemException(400, "duplicate-battery-ids", "Duplicate battery ids",
                        "Each battery can be named once");
            }
            if (named.size() > job.batteryCount) {
                throw new ProblemException(400, "too-many-batteries", "Too many batteries",
                        "Job " + job.id + " is for " + job.batteryCount + " batteries; " + named.size() + " were named");
            }
            return Uni.createFrom().item(List.copyOf(named));
        }
        if (job.sourceType != PlaceType.STATION) {
            return Uni.createFrom().item(List.of());
        }
        return jobs.batteriesPickedUpFrom(job.sourceId).chain(onTheRoad -> stations
                .batteriesAtStation(job.sourceId, BatteryStatuses.CHARGED, job.batteryCount + onTheRoad.size())
                .map(listed -> {
                    Set<String> taken = new HashSet<>(onTheRoad);
                    List<String> chosen = listed.stream().filter(id -> !taken.contains(id)).distinct()
                            .limit(job.batteryCount).toList();
                    if (chosen.isEmpty()) {
                        throw new ProblemException(409, "no-batteries-at-source", "No batteries at the source",
                                job.sourceId + " has no charged battery to hand over");
                    }
                    return chosen;
                })
                .onFailure(e -> !(e instanceof ProblemException)).recoverWithItem(e -> {
                    LOG.warnf("station-service could not list the charged batteries at %s (%s); job %s is picked up "
                            + "by count and station-service chooses the batteries", job.sourceId, e.getMessage(), job.id);
                    return List.of();
                }));
    }

    /** The conditional update did not match: say what the job became instead. */
    private Uni<TransportJob> raced(Caller caller, String jobId, JobStatus wanted, String verb) {
        return load(jobId).map(current -> {
            if (current.status == wanted && caller.id().equals(current.transporterId)) {
                return current;
            }
            requireHolder(caller, current);
            throw wrongState(current, verb);
        });
    }

    private Uni<TransportJob> load(String jobId) {
        return jobs.findById(jobId).map(job -> {
            if (job == null) {
                throw new ProblemException(404, "job-not-found", "Job not found", "Job " + jobId + " does not exist");
            }
            return job;
        });
    }

    private static void requireHolder(Caller caller, TransportJob job) {
        if (!caller.id().equals(job.transporterId)) {
            throw new ProblemException(403, "not-job-holder", "Not your job",
                    "Job " + job.id + " is not assigned to you; only its transporter can move it");
        }
    }

    private static void requireStatus(TransportJob job, JobStatus expected, String verb) {
        if (job.status != expected) {
            throw wrongState(job, verb);
        }
    }

    private static ProblemException wrongState(TransportJob job, String verb) {
        return new ProblemException(409, "invalid-job-state", "Invalid job state",
                "Job " + job.id + " is " + job.status.wire() + " and cannot be " + verb + " now");
    }

    private static ProblemException notOpen(TransportJob job) {
        if (JobStatus.HELD.contains(job.status) || job.status == JobStatus.DELIVERED) {
            return new ProblemException(409, "job-already-taken", "Job already taken",
                    "Job " + job.id + " was taken by another transporter");
        }
        return new ProblemException(409, "job-not-open", "Job not open",
                "Job " + job.id + " is " + job.status.wire() + " and can no longer be accepted");
    }

    private static ProblemException placeNotFound(PlaceType type, String id) {
        return new ProblemException(404, "place-not-found", "Place not found",
                "No " + type.wire().replace('_', ' ') + " " + id + " with known coordinates");
    }

    private RankedJob rank(TransportJob job, double latitude, double longitude) {
        double toPickup = Haversine.km(latitude, longitude, job.sourceLatitude, job.sourceLongitude);
        double driven = Math.max(0.1, toPickup + job.distanceKm);
        return new RankedJob(job, Geo.round2(toPickup), Geo.round2(job.credits / driven));
    }

    private static void setSource(TransportJob job, Place place) {
        job.sourceType = place.type();
        job.sourceId = place.id();
        job.sourceName = place.name();
        job.sourceLatitude = place.latitude();
        job.sourceLongitude = place.longitude();
    }

    private static void setDestination(TransportJob job, Place place) {
        job.destinationType = place.type();
        job.destinationId = place.id();
        job.destinationName = place.name();
        job.destinationLatitude = place.latitude();
        job.destinationLongitude = place.longitude();
    }

    static String newJobId() {
        return "JOB-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }
}
