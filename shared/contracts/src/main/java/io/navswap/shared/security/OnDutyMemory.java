package io.navswap.shared.security;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * "Staff member X is on duty at station Y" as staff-service last confirmed it, remembered in this process until the
 * duty's own end ({@code until} of the answer) but at most {@code navswap.staff-duty.confirmed-for} (zero turns the
 * memory off). Without it every QR scan costs two calls to staff-service (queue-service, then swap-service starting
 * the swap) and the completion minutes later a third, all on the counter's critical path. Only confirmations are
 * remembered: a refusal is asked again each time, so someone put on duty counts at once and a shift ends on time,
 * while a change in the middle of a duty (a diversion, a shift ended early) reaches these checks within that bound.
 *
 * <p>A confirmation in its last fifth is due for renewal ({@link #confirmed}): the check that sees it first asks
 * staff-service again off its request's path, so a counter in steady use never waits for that question. Without
 * it every pair's confirmation ran out every few minutes in the middle of someone's scan, which then asked
 * staff-service on the way (twice: queue-service, then swap-service), the slowest few in a hundred QR scans.
 *
 * <p>The question is asked a while after the check that noticed it is due (a random delay between a tenth and
 * half of the time the confirmation has left), not while that check's request runs: on the same event loop, and
 * with staff-service answering on the same cores, a question asked at once slowed the very scan that noticed it
 * (the renewal's code runs a few times an hour per pair, so it is rarely compiled); measured, every one of a
 * window's three slowest QR scans had asked both renewals. The random delay also keeps the renewals of pairs
 * confirmed together from coming due in a burst again.
 */
@ApplicationScoped
public class OnDutyMemory {
    private static final Logger LOG = Logger.getLogger(OnDutyMemory.class);
    /** Above this many remembered pairs, expired ones are dropped on the next confirmation. */
    private static final int PRUNE_ABOVE = 10_000;

    /** When a confirmation stops counting and when it is due for renewal, in {@link System#nanoTime} terms. */
    private record Confirmation(long until, long renewFrom) {
    }

    private final long forNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Confirmation> confirmations = new ConcurrentHashMap<>();
    /** Pairs whose renewal is waiting or being asked: one question at a time per pair. */
    private final Set<String> renewing = ConcurrentHashMap.newKeySet();
    private final Later later;

    /** Runs a task after a delay, on another thread than the caller's. */
    @FunctionalInterface
    interface Later {
        void run(long delayNanos, Runnable task);
    }

    @Inject
    OnDutyMemory(@ConfigProperty(name = "navswap.staff-duty.confirmed-for", defaultValue = "5m") Duration confirmedFor) {
        this(confirmedFor, System::nanoTime, (delayNanos, task) -> Infrastructure.getDefaultWorkerPool()
                .schedule(task, delayNanos, TimeUnit.NANOSECONDS));
    }

    OnDutyMemory(Duration confirmedFor, LongSupplier nanoClock, Later later) {
        this.forNanos = Math.max(0, confirmedFor.toNanos());
        this.nanoClock = nanoClock;
        this.later = later;
    }

    /**
     * Whether staff-service confirmed this pair recently enough to skip asking again. A confirmation that counts but
     * is in its last fifth is renewed: {@code renewal} (the service's own question, whose answer reaches
     * {@link #answered}) is asked later, off the caller's path, one question per pair at a time; the other checks go
     * on without asking until it ends, answered or not. A "no" ends the confirmation at once.
     */
    public boolean confirmed(String stationId, String staffId, Supplier<Uni<Boolean>> renewal) {
        String key = key(stationId, staffId);
        Confirmation confirmation = confirmations.get(key);
        long now = nanoClock.getAsLong();
        long left = confirmation == null ? 0 : confirmation.until() - now;
        if (left <= 0) {
            return false;
        }
        if (now - confirmation.renewFrom() >= 0 && renewing.add(key)) {
            long delay = left / 10 + ThreadLocalRandom.current().nextLong(left * 4 / 10 + 1);
            try {
                later.run(delay, () -> renew(key, stationId, staffId, renewal));
            } catch (RuntimeException notScheduled) {
                // Shutting down: the confirmation ends on time, and the next check after it asks on its own.
                renewing.remove(key);
                LOG.warnf("Renewal of the on-duty confirmation of %s at %s not scheduled: %s", staffId, stationId,
                        notScheduled.toString());
            }
        }
        return true;
    }

    private void renew(String key, String stationId, String staffId, Supplier<Uni<Boolean>> renewal) {
        // Deferred: a question that throws instead of failing must still end, or the pair is never renewed again.
        Uni.createFrom().deferred(renewal::get)
                .onTermination().invoke(() -> renewing.remove(key))
                .subscribe().with(onDuty -> {
                    if (!onDuty) {
                        // Also when the answer came from elsewhere than staff-service (a 404, a remembered answer).
                        confirmations.remove(key);
                        LOG.infof("Staff %s is no longer on duty at %s", staffId, stationId);
                    }
                }, failure -> LOG.warnf("Renewing the on-duty confirmation of %s at %s failed: %s", staffId,
                        stationId, failure.getMessage()));
    }

    /**
     * Records staff-service's answer: a confirmation is remembered (until {@code dutyEnds} when the answer gives it),
     * a refusal forgets any earlier one.
     */
    public void answered(String stationId, String staffId, boolean onDuty, Instant dutyEnds) {
        String key = key(stationId, staffId);
        long remember = dutyEnds == null ? forNanos
                : Math.min(forNanos, Math.max(0, Duration.between(Instant.now(), dutyEnds).toNanos()));
        if (!onDuty || remember == 0) {
            confirmations.remove(key);
            return;
        }
        long now = nanoClock.getAsLong();
        if (confirmations.size() > PRUNE_ABOVE) {
            confirmations.values().removeIf(confirmation -> confirmation.until() - now <= 0);
        }
        confirmations.put(key, new Confirmation(now + remember, now + remember - remember / 5));
    }

    private static String key(String stationId, String staffId) {
        return stationId + '\n' + staffId;
    }
}
