package io.navswap.logistics.seed;

import io.navswap.logistics.domain.CreditEntry;
import io.navswap.logistics.domain.CreditKind;
import io.navswap.logistics.domain.Geo;
import io.navswap.logistics.domain.JobOrigin;
import io.navswap.logistics.domain.JobPriority;
import io.navswap.logistics.domain.JobStatus;
import io.navswap.logistics.domain.Place;
import io.navswap.logistics.domain.PlaceType;
import io.navswap.logistics.domain.TransportJob;
import io.navswap.logistics.repository.CreditLedgerRepository;
import io.navswap.logistics.repository.LogisticsIndexes;
import io.navswap.logistics.repository.TransportJobRepository;
import io.navswap.logistics.repository.TransporterSlotRepository;
import io.navswap.logistics.service.CreditPolicy;
import io.navswap.logistics.service.JobDraft;
import io.navswap.shared.seed.SeedCatalog;
import io.navswap.shared.security.Roles;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo data for logistics: 50 transport jobs in every state between the catalog's stations and the ten
 * partner shops, held by the catalog's transporters, with a ledger entry for every delivered job.
 * Deterministic (fixed ids, fixed random seed; times relative to the first seeding), idempotent (insert if
 * absent: a second run, or a run after the demo moved jobs on, changes nothing) and silent (history emits no
 * events: nothing in it happened now). The picked-up jobs are {@link SeedCatalog#inTransitJobs()}: their route and
 * batteries are the ones station-service's seed holds {@code in_transit}, so delivering one moves real batteries.
 * Delivered jobs are history by count (which batteries travelled then is not part of any seed).
 */
@ApplicationScoped
public class LogisticsSeeder {
    private static final Logger LOG = Logger.getLogger(LogisticsSeeder.class);
    public static final int JOBS = 50;
    private static final long RANDOM_SEED = 20_261_104L;

    /** How many seeded jobs end in each state; live ones first so that their shortage keys stay distinct. */
    private static final List<JobStatus> STATES = states();

    private final TransportJobRepository jobs;
    private final CreditLedgerRepository ledger;
    private final TransporterSlotRepository slots;
    private final CreditPolicy creditPolicy;
    private final boolean enabled;

    LogisticsSeeder(TransportJobRepository jobs, CreditLedgerRepository ledger, TransporterSlotRepository slots,
            CreditPolicy creditPolicy, @ConfigProperty(name = "navswap.seed.enabled") boolean enabled) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.slots = slots;
        this.creditPolicy = creditPolicy;
        this.enabled = enabled;
    }

    void onStart(@Observes @Priority(LogisticsIndexes.STARTUP_PRIORITY + 10) StartupEvent start) {
        if (enabled) {
            int inserted = seed().await().atMost(Duration.ofMinutes(1));
            LOG.infof("Seed: %d of %d transport jobs inserted (the rest existed)", inserted, JOBS);
        }
    }

    /** Inserts what is missing; answers how many jobs were new. */
    public Uni<Integer> seed() {
        Instant anchor = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<TransportJob> planned = plan(anchor);
        return Multi.createFrom().iterable(planned)
                .onItem().transformToUniAndConcatenate(job -> jobs.insertIfAbsent(job)
                        .call(inserted -> inserted ? afterInsert(job) : Uni.createFrom().voidItem()))
                .filter(Boolean::booleanValue)
                .collect().with(java.util.stream.Collectors.counting())
                .map(Long::intValue);
    }

    private Uni<Void> afterInsert(TransportJob job) {
        if (JobStatus.HELD.contains(job.status)) {
            return slots.seedHold(job.transporterId, job.id, job.acceptedAt);
        }
        if (job.status == JobStatus.DELIVERED) {
            CreditEntry entry = new CreditEntry();
            entry.id = "CR-SEED-" + job.id;
            entry.userId = job.transporterId;
            entry.kind = CreditKind.TRANSPORT_EARNINGS;
            entry.amount = job.earnedCredits;
            entry.sourceKey = CreditEntry.jobDeliveredKey(job.id);
            entry.referenceType = "transport_job";
            entry.referenceId = job.id;
            entry.description = String.format(Locale.ROOT, "Delivered job %s: %d batteries over %.2f km", job.id,
                    job.batteryCount, job.distanceKm);
            entry.occurredAt = job.deliveredAt;
            entry.bookedAt = job.deliveredAt;
            return ledger.insertIfAbsent(entry).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /** The 50 jobs, the same on every run for the same anchor. */
    List<TransportJob> plan(Instant anchor) {
        Random random = new Random(RANDOM_SEED);
        List<SeedCatalog.DemoStation> stations = SeedCatalog.stations();
        List<SeedCatalog.DemoUser> transporters = SeedCatalog.users(Roles.TRANSPORTER);
        List<TransportJob> planned = new ArrayList<>();
        int liveIndex = 0;
        int heldIndex = 0;
        int inTransitIndex = 0;
        for (int n = 1; n <= JOBS; n++) {
            JobStatus status = STATES.get(n - 1);
            boolean live = JobStatus.LIVE.contains(status);
            // Live jobs get distinct stations (distinct open keys); history spreads at random.
            SeedCatalog.DemoStation station = live ? stations.get(liveIndex++ % stations.size())
                    : stations.get(random.nextInt(stations.size()));
            int shape = random.nextInt(6);
            Place stationPlace = new Place(PlaceType.STATION, station.id(), station.name(), station.latitude(),
                    station.longitude());
            Place source;
            Place destination;
            JobOrigin origin;
            String openKey;
            if (shape == 5) {
                origin = JobOrigin.OVERFLOW;
                source = stationPlace;
                destination = SeedPartnerShops.nearest(station).place();
                openKey = JobDraft.overflowKey(station.id());
            } else {
                origin = shape == 4 ? JobOrigin.MANUAL : JobOrigin.REBALANCING;
                destination = stationPlace;
                source = shape == 3 ? SeedPartnerShops.nearest(station).place() : sibling(station, stations, random);
                openKey = origin == JobOrigin.MANUAL ? null : JobDraft.shortageKey(station.id());
            }
            int batteryCount = 2 + random.nextInt(7);
            String id = String.format(Locale.ROOT, "JOB-SEED-%03d", n);
            List<String> batteryIds = List.of();
            if (status == JobStatus.PICKED_UP) {
                // Under way: the catalogue's route and batteries (the random draws above are kept, so the other
                // jobs stay as they were).
                SeedCatalog.InTransitJob moving = SeedCatalog.inTransitJobs().get(inTransitIndex++);
                if (!moving.jobId().equals(id)) {
                    throw new IllegalStateException("Seeded picked-up job " + id + " is not SeedCatalog's "
                            + moving.jobId() + "; keep the two in step");
                }
                origin = JobOrigin.REBALANCING;
                source = stationPlace(moving.sourceStationId());
                destination = stationPlace(moving.destinationStationId());
                openKey = JobDraft.shortageKey(moving.destinationStationId());
                batteryIds = moving.batteryIds();
                batteryCount = batteryIds.size();
            }
            TransportJob job = new TransportJob();
            job.id = id;
            job.status = status;
            job.origin = origin;
            job.priority = JobPriority.values()[random.nextInt(JobPriority.values().length)];
            job.sourceType = source.type();
            job.sourceId = source.id();
            job.sourceName = source.name();
            job.sourceLatitude = source.latitude();
            job.sourceLongitude = source.longitude();
            job.destinationType = destination.type();
            job.destinationId = destination.id();
            job.destinationName = destination.name();
            job.destinationLatitude = destination.latitude();
            job.destinationLongitude = destination.longitude();
            job.batteryCount = batteryCount;
            job.distanceKm = Geo.round2(source.distanceKmTo(destination));
            job.credits = creditPolicy.credits(job.distanceKm, batteryCount);
            job.reason = origin == JobOrigin.OVERFLOW ? "seed: over capacity"
                    : origin == JobOrigin.MANUAL ? "seed: created by admin" : "seed: charged stock below 20 %";
            job.plannedBy = origin == JobOrigin.MANUAL ? "admin" : "heuristic";
            job.createdBy = origin == JobOrigin.MANUAL ? "usr-a-1" : "logistics-service";
            job.openKey = live ? openKey : null;

            // Open and held jobs are recent (held ones still inside the pickup window); history spreads over 30 days.
            Instant created = live ? anchor.minus(Duration.ofMinutes(20 + random.nextInt(240)))
                    : anchor.minus(Duration.ofHours(6 + random.nextInt(24 * 30)));
            job.createdAt = created;
            job.openedAt = created;
            job.updatedAt = created;
            if (status != JobStatus.OPEN && status != JobStatus.EXPIRED) {
                boolean held = JobStatus.HELD.contains(status);
                SeedCatalog.DemoUser transporter = held
                        // one held job per transporter at most, so the seed respects the two-job rule
                        ? transporters.get(heldIndex++ % transporters.size())
                        : transporters.get(random.nextInt(transporters.size()));
                boolean acceptedBeforeCancel = status != JobStatus.CANCELLED || random.nextBoolean();
                if (acceptedBeforeCancel) {
                    job.transporterId = transporter.id();
                    job.acceptedAt = held ? anchor.minus(Duration.ofMinutes(1 + random.nextInt(10)))
                            : created.plus(Duration.ofMinutes(5 + random.nextInt(40)));
                    job.updatedAt = job.acceptedAt;
                }
            }
            if (status == JobStatus.PICKED_UP || status == JobStatus.DELIVERED) {
                job.pickedUpAt = job.acceptedAt.plus(Duration.ofMinutes(10 + random.nextInt(20)));
                if (status == JobStatus.PICKED_UP && job.pickedUpAt.isAfter(anchor)) {
                    job.pickedUpAt = anchor;
                }
                job.batteryIds = new ArrayList<>(batteryIds);
                job.updatedAt = job.pickedUpAt;
            }
            if (status == JobStatus.DELIVERED) {
                job.deliveredAt = job.pickedUpAt.plus(Duration.ofMinutes(15 + (long) (job.distanceKm * 3)));
                job.earnedCredits = job.credits;
                job.updatedAt = job.deliveredAt;
            }
            if (status == JobStatus.CANCELLED) {
                job.cancelledAt = (job.acceptedAt != null ? job.acceptedAt : created).plus(Duration.ofMinutes(30));
                job.cancelReason = "seed: stock recovered before pickup";
                job.updatedAt = job.cancelledAt;
            }
            if (status == JobStatus.EXPIRED) {
                job.expiredAt = created.plus(Duration.ofHours(24));
                job.updatedAt = job.expiredAt;
            }
            planned.add(job);
        }
        return planned;
    }

    private static Place stationPlace(String stationId) {
        SeedCatalog.DemoStation station = SeedCatalog.stations().stream().filter(s -> s.id().equals(stationId))
                .findFirst().orElseThrow(() -> new IllegalStateException("Not a SeedCatalog station: " + stationId));
        return new Place(PlaceType.STATION, station.id(), station.name(), station.latitude(), station.longitude());
    }

    private static Place sibling(SeedCatalog.DemoStation station, List<SeedCatalog.DemoStation> stations, Random random) {
        List<SeedCatalog.DemoStation> sameCity = stations.stream()
                .filter(s -> s.city().equals(station.city()) && !s.id().equals(station.id())).toList();
        SeedCatalog.DemoStation other = sameCity.get(random.nextInt(sameCity.size()));
        return new Place(PlaceType.STATION, other.id(), other.name(), other.latitude(), other.longitude());
    }

    private static List<JobStatus> states() {
        List<JobStatus> states = new ArrayList<>();
        add(states, JobStatus.OPEN, 10);
        add(states, JobStatus.ACCEPTED, 4);
        add(states, JobStatus.PICKED_UP, 4);
        add(states, JobStatus.DELIVERED, 24);
        add(states, JobStatus.CANCELLED, 5);
        add(states, JobStatus.EXPIRED, 3);
        return List.copyOf(states);
    }

    private static void add(List<JobStatus> states, JobStatus status, int count) {
        for (int i = 0; i < count; i++) {
            states.add(status);
        }
    }
}
