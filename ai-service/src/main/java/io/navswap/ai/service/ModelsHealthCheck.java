package io.navswap.ai.service;

import io.navswap.ai.domain.ModelState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the ONNX runtime is up. A model on its fallback still answers, so it does not make the service
 * unready; the check lists which models are on their fallback for the dashboards.
 */
@Readiness
@ApplicationScoped
public class ModelsHealthCheck implements HealthCheck {
    private final ModelRegistry models;

    ModelsHealthCheck(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ai-models");
        try {
            List<ModelState> states = models.status();
            long loaded = states.stream().filter(s -> ModelState.LOADED.equals(s.state())).count();
            response.up().withData("loaded", loaded).withData("fallback", states.size() - loaded);
            states.stream().filter(s -> !ModelState.LOADED.equals(s.state()))
                    .forEach(s -> response.withData(s.name(), "fallback: " + s.reason()));
        } catch (RuntimeException e) {
            response.down().withData("error", String.valueOf(e.getMessage()));
        }
        return response.build();
    }
}
