package io.navswap.shared.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Staff member X is on duty at station Y" as staff-service last confirmed it, remembered in this process for
 * {@code navswap.staff-duty.confirmed-for} (zero turns the memory off). Without it every QR scan costs two calls to
 * staff-service (queue-service, then swap-service starting the swap) and every completion one more, all on the
 * counter's critical path. Only confirmations are remembered: a refusal is asked again each time, so someone put
 * on duty counts at once, while someone taken off duty can still act at the old station for at most that long.
 */
@ApplicationScoped
public class OnDutyMemory {
    /** Above this many remembered pairs, expired ones are dropped on the next confirmation. */
    private static final int PRUNE_ABOVE = 10_000;

    private final long forNanos;
    private final Map<String, Long> confirmedUntil = new ConcurrentHashMap<>();

    OnDutyMemory(@ConfigProperty(name = "navswap.staff-duty.confirmed-for", defaultValue = "30s") Duration confirmedFor) {
        this.forNanos = Math.max(0, confirmedFor.toNanos());
    }

    /** Whether staff-service confirmed this pair recently enough to skip asking again. */
    public boolean confirmed(String stationId, String staffId) {
        Long until = confirmedUntil.get(key(stationId, staffId));
        return until != null && until - System.nanoTime() > 0;
    }

    /** Records staff-service's answer: a confirmation is remembered, a refusal forgets any earlier one. */
    public void answered(String stationId, String staffId, boolean onDuty) {
        String key = key(stationId, staffId);
        if (!onDuty || forNanos == 0) {
            confirmedUntil.remove(key);
            return;
        }
        long now = System.nanoTime();
        if (confirmedUntil.size() > PRUNE_ABOVE) {
            confirmedUntil.values().removeIf(until -> until - now <= 0);
        }
        confirmedUntil.put(key, now + forNanos);
    }

    private static String key(String stationId, String staffId) {
        return stationId + '\n' + staffId;
    }
}
