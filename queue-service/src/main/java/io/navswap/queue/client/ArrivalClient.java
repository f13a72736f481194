package io.navswap.queue.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The arrival model, asked during confirm: 300 ms timeout and no retry, so confirm is never held up by
 * it; circuit breaker. Fallback: empty, and the wait is position × the configured minutes per swap.
 */
@ApplicationScoped
public class ArrivalClient {
    private final ArrivalApi api;

    ArrivalClient(@RestClient ArrivalApi api) {
        this.api = api;
    }

    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "noPrediction")
    public Uni<Optional<Double>> minutesToNextCustomer(ArrivalApi.ArrivalQuery query, String authorization,
            String requestId) {
        return api.predictArrival(query, authorization, requestId)
                .map(answer -> Optional.ofNullable(answer == null ? null : answer.minutesToNextCustomer())
                        .filter(minutes -> Double.isFinite(minutes) && minutes > 0));
    }

    Uni<Optional<Double>> noPrediction(ArrivalApi.ArrivalQuery query, String authorization, String requestId) {
        return Uni.createFrom().item(Optional.empty());
    }
}
