package io.navswap.queue.client;

import io.navswap.shared.security.OnDutyMemory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * "Is this staff member on duty at this station?" Idempotent GET: 1 s timeout, 1 retry, circuit breaker.
 * Fallback: an empty answer ("unknown"); {@code StaffDutyCheck} then uses the cached last answer (≤ 12 h) or
 * refuses with 503 {@code staff-check-unavailable}. A 404 (staff or station unknown there) means not on duty.
 */
@ApplicationScoped
public class StaffClient {
    private static final Logger LOG = Logger.getLogger(StaffClient.class);

    private final StaffApi api;
    private final OnDutyMemory recent;

    StaffClient(@RestClient StaffApi api, OnDutyMemory recent) {
        this.api = api;
        this.recent = recent;
    }

    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, jitter = 50, abortOn = PeerRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = PeerRejectedException.class)
    @Fallback(fallbackMethod = "unknown")
    public Uni<Optional<Boolean>> onDuty(String stationId, String staffId, String authorization, String requestId) {
        return api.onDuty(stationId, staffId, authorization, requestId)
                .invoke(answer -> recent.answered(stationId, staffId, answer.onDuty(), answer.until()))
                .map(answer -> Optional.of(answer.onDuty()))
                .onFailure(e -> e instanceof PeerRejectedException rejected && rejected.status() == 404)
                .recoverWithItem(Optional.of(false));
    }

    Uni<Optional<Boolean>> unknown(String stationId, String staffId, String authorization, String requestId) {
        LOG.warnf("staff-service did not answer for staff %s at station %s", staffId, stationId);
        return Uni.createFrom().item(Optional.empty());
    }
}
