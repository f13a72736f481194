package io.navswap.station.client;

import io.navswap.station.client.AiClient.ArrivalAnswer;
import io.navswap.station.client.AiClient.ArrivalRequest;
import io.navswap.station.client.AiClient.LoadAnswer;
import io.navswap.station.client.AiClient.LoadRequest;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Predictions from ai-service, each bounded by a timeout and a circuit breaker (50 % failures of the last 10
 * calls opens it for 10 s). Every result says who produced the number: ai-service's {@code source}
 * ({@code onnx} = the model, {@code fallback} = ai-service's heuristic), or {@value #LOCAL_FALLBACK} when
 * ai-service could not be asked and the SPEC §6 fallback was applied here.
 */
@ApplicationScoped
public class AiPredictions {
    private static final Logger LOG = Logger.getLogger(AiPredictions.class);
    /** Source of a number computed here because ai-service did not answer. */
    public static final String LOCAL_FALLBACK = "local-fallback";
    public static final String LOCAL_MODEL_VERSION = "station-service-heuristic-1";
    /** SPEC §6 load fallback: 8 swaps/hour baseline. */
    public static final double BASELINE_SWAPS_PER_HOUR = 8.0;

    /**
     * Swaps per hour predicted for {@code hour} (0..23, station time), with who answered and, for a fallback,
     * why.
     */
    public record Load(double swapsPerHour, Integer hour, String source, String modelVersion, String fallbackReason) {

        public boolean fromAiService() {
            return !LOCAL_FALLBACK.equals(source);
        }
    }

    /** Minutes until the next customer, as ai-service's arrival model (or ai-service's fallback) says. */
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
    @Fallback(fallbackMethod = "baselineLoad")
    public Uni<Load> predictLoad(LoadRequest request, String authorization, String requestId) {
        return client.predictLoad(request, authorization, requestId).map(AiPredictions::readLoad);
    }

    Uni<Load> baselineLoad(LoadRequest request, String authorization, String requestId, Throwable failure) {
        LOG.warnf("ai-service predict-load unavailable for %s (%s); baseline %.0f swaps/hour", request.stationId(),
                failure.toString(), BASELINE_SWAPS_PER_HOUR);
        return Uni.createFrom().item(new Load(BASELINE_SWAPS_PER_HOUR, request.hour(), LOCAL_FALLBACK,
                LOCAL_MODEL_VERSION, "ai-service unavailable: " + failure.getClass().getSimpleName()));
    }

    static Load readLoad(LoadAnswer answer) {
        Double swaps = answer == null ? null : answer.predictedSwapsPerHour();
        if (swaps == null || !Double.isFinite(swaps) || swaps < 0 || swaps > 100_000 || answer.source() == null) {
            throw new IllegalStateException("ai-service load answer without predicted_swaps_per_hour/source: " + answer);
        }
        return new Load(swaps, answer.hour(), answer.source(), answer.modelVersion(), answer.fallbackReason());
    }

    /**
     * No retry: a recommendation waits for this within a small budget, and the breaker makes an unreachable
     * ai-service cost nothing after a few calls. Empty when ai-service did not answer: the recommendation then
     * uses the SPEC heuristic (5 min per rider ahead) and says so.
     */
    @AsynchronousNonBlocking
    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "arrivalNotKnown")
    public Uni<Optional<Arrival>> predictArrival(ArrivalRequest request, String authorization, String requestId) {
        return client.predictArrival(request, authorization, requestId).map(AiPredictions::readArrival);
    }

    Uni<Optional<Arrival>> arrivalNotKnown(ArrivalRequest request, String authorization, String requestId,
            Throwable failure) {
        LOG.debugf("Arrival estimate not known for %s: %s", request.stationId(), failure.toString());
        return Uni.createFrom().item(Optional.empty());
    }

    static Optional<Arrival> readArrival(ArrivalAnswer answer) {
        Double minutes = answer == null ? null : answer.minutesToNextCustomer();
        if (minutes == null || !Double.isFinite(minutes) || minutes < 0 || minutes > 24 * 60 || answer.source() == null) {
            throw new IllegalStateException("ai-service arrival answer without minutes_to_next_customer/source: " + answer);
        }
        return Optional.of(new Arrival(minutes, answer.source(), answer.modelVersion()));
    }
}
