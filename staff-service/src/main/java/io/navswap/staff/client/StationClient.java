package io.navswap.staff.client;

import io.navswap.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Resilient access to station-service's station list: 2 s timeout, one retry (a GET), circuit breaker.
 * The fallback answers a 503 problem; {@code StationDirectory} catches it and serves its last known copy.
 */
@ApplicationScoped
public class StationClient {
    private final StationRestClient rest;

    StationClient(@RestClient StationRestClient rest) {
        this.rest = rest;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2)
    @Fallback(fallbackMethod = "unavailable")
    public Uni<List<StationSummary>> list(String authorization) {
        return rest.list(authorization);
    }

    Uni<List<StationSummary>> unavailable(String authorization) {
        return Uni.createFrom().failure(new ProblemException(503, "station-directory-unavailable",
                "Station directory unavailable", "station-service did not answer GET /station/list"));
    }
}
