package io.navswap.swap.client;

import io.navswap.shared.problem.ProblemException;
import io.navswap.shared.security.OnDutyMemory;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Resilient on-duty checks against staff-service (a read, so retried). Every answer is remembered in Redis;
 * the fallback when staff-service is unreachable is that remembered answer (up to 12 h old), and without one
 * the check is refused with 503 {@code staff-check-unavailable} (HELPERS cross-service rule).
 */
@ApplicationScoped
public class StaffClient {
    private static final Logger LOG = Logger.getLogger(StaffClient.class);

    private final StaffApi api;
    private final StaffDutyCache cache;
    private final OnDutyMemory recent;

    StaffClient(@RestClient StaffApi api, StaffDutyCache cache, OnDutyMemory recent) {
        this.api = api;
        this.cache = cache;
        this.recent = recent;
    }

    @AsynchronousNonBlocking
    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, abortOn = { UpstreamProblem.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = UpstreamProblem.class)
    @Fallback(fallbackMethod = "lastKnown", skipOn = UpstreamProblem.class)
    public Uni<Boolean> onDuty(String authorization, String requestId, String stationId, String staffId) {
        return api.onDuty(authorization, requestId, stationId, staffId)
                .invoke(answer -> recent.answered(stationId, staffId, answer.onDuty(), answer.until()))
                .map(OnDutyAnswer::onDuty)
                .call(onDuty -> cache.remember(stationId, staffId, onDuty));
    }

    Uni<Boolean> lastKnown(String authorization, String requestId, String stationId, String staffId) {
        return cache.lastKnown(stationId, staffId)
                .onFailure().transform(e -> unavailable(stationId, staffId))
                .map(cached -> cached.orElseThrow(() -> unavailable(stationId, staffId)))
                .invoke(onDuty -> LOG.warnf("staff-service unreachable; using the cached on-duty answer (%s) for %s at %s",
                        onDuty, staffId, stationId));
    }

    private static ProblemException unavailable(String stationId, String staffId) {
        return new ProblemException(503, "staff-check-unavailable", "Staff check unavailable",
                "staff-service cannot confirm that " + staffId + " is on duty at " + stationId
                        + " and no recent answer is known; try again shortly");
    }
}
