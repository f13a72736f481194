package io.navswap.queue.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.navswap.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Business outcomes next to the HTTP metrics, so ops can tell "station full" from "station-service down":
 * {@code navswap_queue_confirm_total{outcome}}, {@code navswap_qr_verify_total{outcome}},
 * {@code navswap_geofence_transitions_total{status}}. Outcome is {@code ok} or the problem slug.
 */
@ApplicationScoped
public class QueueMetrics {
    private final MeterRegistry registry;

    QueueMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void confirm(Throwable failure) {
        registry.counter("navswap.queue.confirm", "outcome", outcome(failure)).increment();
    }

    public void verify(Throwable failure) {
        registry.counter("navswap.qr.verify", "outcome", outcome(failure)).increment();
    }

    public void geofence(String status) {
        registry.counter("navswap.geofence.transitions", "status", status).increment();
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "ok";
        }
        return failure instanceof ProblemException problem ? problem.slug() : "error";
    }
}
