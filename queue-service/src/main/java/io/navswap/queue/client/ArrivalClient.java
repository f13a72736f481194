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
 * The arrival model, asked during confirm with the rider's token: 300 ms timeout and no retry, so confirm is
 * never held up by it; circuit breaker. Fallback: empty, and the wait is position × the configured minutes per
 * swap (SPEC: 5 min), marked as the local heuristic. An answer without its minutes or {@code source} counts as a
 * failed call.
 */
@ApplicationScoped
public class ArrivalClient {

    /** Minutes to the next customer and who answered ({@code onnx} or ai-service's {@code fallback}). */
    public record Arrival(double minutes, String source, String modelVersion) {
    }

    private final ArrivalApi api;

    ArrivalClient(@RestClient ArrivalApi api) {
        this.api = api;
    }

    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "noPrediction")
    public Uni<Optional<Arrival>> minutesToNextCustomer(ArrivalApi.ArrivalRequest request, String authorization,
            String requestId) {
        return api.predictArrival(request, authorization, requestId).map(ArrivalClient::read);
    }

    Uni<Optional<Arrival>> noPrediction(ArrivalApi.ArrivalRequest request, String authorization, String requestId) {
        return Uni.createFrom().item(Optional.empty());
    }

    static Optional<Arrival> read(ArrivalApi.ArrivalPrediction answer) {
        Double minutes = answer == null ? null : answer.minutesToNextCustomer();
        if (minutes == null || !Double.isFinite(minutes) || minutes <= 0 || answer.source() == null) {
            throw new IllegalStateException("ai-service arrival answer without minutes_to_next_customer/source");
        }
        return Optional.of(new Arrival(minutes, answer.source(), answer.modelVersion()));
    }
}
