package io.navswap.shared.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Staff member X is on duty at station Y" as staff-service last confirmed it, remembered in this process until the
 * duty's own end ({@code until} of the answer) but at most {@code navswap.staff-duty.confirmed-for} (zero turns the
 * memory off). Without it every QR scan costs two calls to staff-service (queue-service, then swap-service starting
 * the swap) and the completion minutes later a third, all on the counter's critical path. Only confirmations are
 * remembered: a refusal is asked again each time, so someone put on duty counts at once and a shift ends on time,
 * while a change in the middle of a duty (a diversion, a shift ended early) reaches these checks within that bound.
 */
@ApplicationScoped
public class OnDutyMemory {
    /** Above this many remembered pairs, expired ones are dropped on the next confirmation. */
    private static final int PRUNE_ABOVE = 10_000;

    private final long forNanos;
    private final Map<String, Long> confirmedUntil = new ConcurrentHashMap<>();

    OnDutyMemory(@ConfigProperty(name = "navswap.staff-duty.confirmed-for", defaultValue = "5m") Duration confirmedFor) {
        this.forNanos = Math.max(0, confirmedFor.toNanos());
    }

    /** Whether staff-service confirmed this pair recently enough to skip asking again. */
    public boolean confirmed(String stationId, String staffId) {
        Long until = confirmedUntil.get(key(stationId, staffId));
        return until != null && until - System.nanoTime() > 0;
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
            confirmedUntil.remove(key);
            return;
        }
        long now = System.nanoTime();
        if (confirmedUntil.size() > PRUNE_ABOVE) {
            confirmedUntil.values().removeIf(until -> until - now <= 0);
        }
        confirmedUntil.put(key, now + remember);
    }

    private static String key(String stationId, String staffId) {
        return stationId + '\n' + staffId;
    }
}
