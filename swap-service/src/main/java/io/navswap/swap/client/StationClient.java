package io.navswap.swap.client;

import io.navswap.shared.problem.ProblemException;
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
 * Resilient calls to station-service. The exchange may be retried because station-service makes it idempotent
 * by swap id (a repeated call answers the first result and moves nothing). A 4xx answer is a business refusal:
 * it is passed on, not retried and not counted by the breaker. Fallback: 503 {@code station-service-unavailable}.
 */
@ApplicationScoped
public class StationClient {
    private static final Logger LOG = Logger.getLogger(StationClient.class);

    private final StationApi api;

    StationClient(@RestClient StationApi api) {
        this.api = api;
    }

    @AsynchronousNonBlocking
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, jitter = 50,
            abortOn = { UpstreamProblem.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = UpstreamProblem.class)
    @Fallback(fallbackMethod = "exchangeUnavailable", skipOn = UpstreamProblem.class)
    public Uni<ExchangeResult> exchange(String authorization, String requestId, ExchangeRequest request) {
        return api.exchange(authorization, requestId, request);
    }

    Uni<ExchangeResult> exchangeUnavailable(String authorization, String requestId, ExchangeRequest request) {
        LOG.warnf("station-service unreachable for the exchange of swap %s; nothing was recorded", request.swapId());
        return Uni.createFrom().failure(new ProblemException(503, "station-service-unavailable",
                "Station service unavailable",
                "The battery exchange could not be confirmed by station-service; nothing was recorded, try again"));
    }
}
