package io.navswap.station.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Predictions from ai-service, each bounded by a timeout and a circuit breaker (50 % failures of the last 10
 * calls opens it for 10 s). The fallback is {@link Optional#empty()}: callers then say "not known" (station
 * status) or use their own stated heuristic (recommendations), never an invented model answer.
 */
@ApplicationScoped
public class AiPredictions {
    private static final Logger LOG = Logger.getLogger(AiPredictions.class);

    /** Swaps per hour ahead, with ai-service's own {@code source} ({@code onnx}/{@code fallback}) and version. */
    public record Load(double swapsPerHour, int horizonHours, String source, String modelVersion) {
    }

    /** Minutes until the next customer, as ai-service's arrival model (or its fallback) says. */
    public record Arrival(double minutes, String source, String modelVersion) {
    }

    private final AiClient client;

    AiPredictions(@RestClient AiClient client) {
        this.client = client;
    }

    /** Read-only prediction, so one retry on connection failures or timeouts is safe. */
    @AsynchronousNonBlocking
    @Timeout(value = 600, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, delayUnit = ChronoUnit.MILLIS,
            retryOn = { ProcessingException.class, TimeoutException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "loadNotKnown")
    public Uni<Optional<Load>> predictLoad(Map<String, Object> features, String authorization, String requestId) {
        return client.predictLoad(features, authorization, requestId).map(answer -> {
            OptionalDouble value = JsonFields.number(answer, "predicted_swaps_per_hour", "swaps_per_hour",
                    "predicted_load", "load", "prediction", "value");
            if (value.isEmpty() || value.getAsDouble() < 0 || value.getAsDouble() > 100_000) {
                throw new IllegalStateException("ai-service load answer has no usable swaps/hour: " + answer);
            }
            OptionalDouble horizon = JsonFields.number(answer, "horizon_hours");
            int hours = horizon.isPresent() ? (int) horizon.getAsDouble()
                    : ((Number) features.getOrDefault("horizon_hours", 1)).intValue();
            return Optional.of(new Load(value.getAsDouble(), hours, source(answer), JsonFields.text(answer, "model_version")));
        });
    }

    Uni<Optional<Load>> loadNotKnown(Map<String, Object> features, String authorization, String requestId,
            Throwable failure) {
        LOG.warnf("Predicted load not known for %s: %s", features.get("station_id"), failure.toString());
        return Uni.createFrom().item(Optional.empty());
    }

    /**
     * No retry: a recommendation waits for this within a small budget, and the breaker makes an unreachable
     * ai-service cost nothing after a few calls.
     */
    @AsynchronousNonBlocking
    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "arrivalNotKnown")
    public Uni<Optional<Arrival>> predictArrival(Map<String, Object> features, String authorization,
            String requestId) {
        return client.predictArrival(features, authorization, requestId).map(answer -> {
            OptionalDouble value = JsonFields.number(answer, "minutes_to_next_customer", "predicted_minutes",
                    "arrival_minutes", "minutes", "prediction", "value");
            if (value.isEmpty() || value.getAsDouble() < 0 || value.getAsDouble() > 24 * 60) {
                throw new IllegalStateException("ai-service arrival answer has no usable minutes: " + answer);
            }
            return Optional.of(new Arrival(value.getAsDouble(), source(answer), JsonFields.text(answer, "model_version")));
        });
    }

    Uni<Optional<Arrival>> arrivalNotKnown(Map<String, Object> features, String authorization, String requestId,
            Throwable failure) {
        LOG.debugf("Arrival estimate not known for %s: %s", features.get("station_id"), failure.toString());
        return Uni.createFrom().item(Optional.empty());
    }

    private static String source(JsonNode answer) {
        String source = JsonFields.text(answer, "source");
        return source == null ? "unknown" : source;
    }
}
