package io.navswap.staff.client;

import io.navswap.staff.client.AiModels.DiversionAnswer;
import io.navswap.staff.client.AiModels.DiversionRequest;
import io.navswap.staff.client.AiModels.FaultAnswer;
import io.navswap.staff.client.AiModels.FaultRequest;
import io.navswap.staff.client.AiModels.HourlyTraffic;
import io.navswap.staff.client.AiModels.TrafficAnswer;
import io.navswap.staff.client.AiModels.TrafficRequest;
import io.navswap.staff.client.AiModels.TrendAnswer;
import io.navswap.staff.client.AiModels.TrendRequest;
import io.navswap.staff.service.DiversionHeuristic;
import io.navswap.staff.service.FaultHeuristics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Resilient access to ai-service. Predictions are pure functions of their input, so retrying is safe;
 * each method has a timeout, a circuit breaker of its own and a fallback that computes the SPEC §6
 * heuristic here, marked {@code source: local-fallback} with model version
 * {@value AiModels#LOCAL_MODEL_VERSION}. An ai-service answer without its number or {@code source} counts as a
 * failed call.
 */
@ApplicationScoped
public class AiClient {
    private static final Logger LOG = Logger.getLogger(AiClient.class);

    private final AiRestClient rest;
    private final DiversionHeuristic diversionHeuristic;

    AiClient(@RestClient AiRestClient rest, DiversionHeuristic diversionHeuristic) {
        this.rest = rest;
        this.diversionHeuristic = diversionHeuristic;
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2)
    @Fallback(fallbackMethod = "predictFaultLocally")
    public Uni<FaultAnswer> predictFault(String authorization, FaultRequest request) {
        return rest.predictFault(authorization, request).invoke(answer -> require(answer != null
                && finite(answer.faultProbability()) && answer.source() != null, "predict-fault", "fault_probability"));
    }

    Uni<FaultAnswer> predictFaultLocally(String authorization, FaultRequest request, Throwable failure) {
        LOG.warnf("ai-service predict-fault unavailable (%s); using the SOH heuristic", failure.toString());
        return Uni.createFrom().item(FaultHeuristics.predictFault(request));
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2)
    @Fallback(fallbackMethod = "predictTrendLocally")
    public Uni<TrendAnswer> predictBatteryTrend(String authorization, TrendRequest request) {
        return rest.predictBatteryTrend(authorization, request).invoke(answer -> require(answer != null
                && finite(answer.sohSlopePer100Cycles()) && answer.source() != null, "predict-battery-trend",
                "soh_slope_per_100_cycles"));
    }

    Uni<TrendAnswer> predictTrendLocally(String authorization, TrendRequest request, Throwable failure) {
        LOG.warnf("ai-service predict-battery-trend unavailable (%s); using the linear-decline heuristic",
                failure.toString());
        return Uni.createFrom().item(FaultHeuristics.predictTrend(request));
    }

    /** Not retried: one call per station fans out, and a flat fallback per station is cheap and honest. */
    @Timeout(value = 1000, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2)
    @Fallback(fallbackMethod = "forecastLocally")
    public Uni<TrafficAnswer> forecastTraffic(String authorization, TrafficRequest request, double fallbackPerHour) {
        return rest.forecastTraffic(authorization, request).invoke(answer -> require(answer != null
                && answer.curve() != null && !answer.curve().isEmpty() && answer.source() != null
                && answer.curve().stream().allMatch(h -> h != null && finite(h.swapsPerHour())),
                "forecast-traffic", "curve[].swaps_per_hour"));
    }

    Uni<TrafficAnswer> forecastLocally(String authorization, TrafficRequest request, double fallbackPerHour,
            Throwable failure) {
        LOG.debugf("ai-service forecast-traffic unavailable for %s (%s)", request.stationId(), failure.toString());
        List<HourlyTraffic> hourly = new ArrayList<>();
        for (int offset = 0; offset < request.hours(); offset++) {
            hourly.add(new HourlyTraffic(offset, null, null, fallbackPerHour));
        }
        return Uni.createFrom().item(new TrafficAnswer(request.stationId(), hourly, AiModels.LOCAL_FALLBACK,
                AiModels.LOCAL_MODEL_VERSION));
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2)
    @Fallback(fallbackMethod = "predictDiversionLocally")
    public Uni<DiversionAnswer> predictDiversion(String authorization, DiversionRequest request) {
        return rest.predictDiversion(authorization, request).invoke(answer -> require(answer != null
                && answer.moves() != null && answer.source() != null, "predict-diversion", "moves"));
    }

    Uni<DiversionAnswer> predictDiversionLocally(String authorization, DiversionRequest request, Throwable failure) {
        LOG.warnf("ai-service predict-diversion unavailable (%s); using the load/staff heuristic", failure.toString());
        return Uni.createFrom().item(new DiversionAnswer(diversionHeuristic.moves(request), AiModels.LOCAL_FALLBACK,
                AiModels.LOCAL_MODEL_VERSION));
    }

    private static boolean finite(Double value) {
        return value != null && Double.isFinite(value);
    }

    private static void require(boolean readable, String endpoint, String field) {
        if (!readable) {
            throw new IllegalStateException("ai-service " + endpoint + " answer without " + field + "/source");
        }
    }
}
