package io.navswap.queue.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Starts the swap at swap-service right after a QR verification. Idempotent PUT: 2 s timeout, 2 retries,
 * circuit breaker. Fallback: answer {@code false} and let the {@code reservation.started} event, already in
 * the reservation's outbox, create the swap (swap-service consumes it).
 */
@ApplicationScoped
public class SwapClient {
    private static final Logger LOG = Logger.getLogger(SwapClient.class);

    private final SwapApi api;

    SwapClient(@RestClient SwapApi api) {
        this.api = api;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, abortOn = PeerRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = PeerRejectedException.class)
    @Fallback(fallbackMethod = "deferred")
    public Uni<Boolean> start(String swapId, SwapApi.SwapStart body, String authorization, String requestId) {
        return api.start(swapId, body, authorization, requestId).map(response -> true);
    }

    Uni<Boolean> deferred(String swapId, SwapApi.SwapStart body, String authorization, String requestId) {
        LOG.warnf("swap-service did not start swap %s now; the reservation.started event will create it", swapId);
        return Uni.createFrom().item(false);
    }
}
