package io.navswap.queue.client;

import io.navswap.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Station look-up for confirm. Idempotent GET: 1 s timeout, 2 retries, circuit breaker. Fallback: none can
 * be invented (a reservation needs the station's state now), so the caller gets a 503 problem. A 404
 * passes through untouched (the station does not exist).
 */
@ApplicationScoped
public class StationClient {
    private final StationApi api;

    StationClient(@RestClient StationApi api) {
        this.api = api;
    }

    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = PeerRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = PeerRejectedException.class)
    @Fallback(fallbackMethod = "unavailable", skipOn = PeerRejectedException.class)
    public Uni<StationView> station(String stationId, String authorization, String requestId) {
        return api.station(stationId, authorization, requestId);
    }

    Uni<StationView> unavailable(String stationId, String authorization, String requestId) {
        return Uni.createFrom().failure(new ProblemException(503, "station-service-unavailable",
                "Station service unavailable", "Station " + stationId + " cannot be checked right now; try again shortly"));
    }
}
