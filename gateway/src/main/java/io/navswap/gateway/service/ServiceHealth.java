package io.navswap.gateway.service;

import io.navswap.gateway.client.UpstreamClient;
import io.navswap.gateway.config.GatewayConfig;
import io.navswap.gateway.domain.Upstream;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Readiness of the whole suite as seen from the gateway: every service asked in parallel. */
@ApplicationScoped
public class ServiceHealth {
    private static final Logger LOG = Logger.getLogger(ServiceHealth.class);
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
    public static final String GATEWAY = "gateway";

    private final UpstreamClient client;
    private final Duration timeout;

    ServiceHealth(UpstreamClient client, GatewayConfig config) {
        this.client = client;
        this.timeout = config.health().timeout();
    }

    public record Report(String status, Map<String, String> services) {
        public boolean up() {
            return UP.equals(status);
        }
    }

    public Uni<Report> check() {
        List<Uni<Map.Entry<String, String>>> checks = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            checks.add(ready(client.target(upstream)));
        }
        return Uni.join().all(checks).andFailFast().map(results -> {
            Map<String, String> services = new LinkedHashMap<>();
            services.put(GATEWAY, UP);
            results.forEach(entry -> services.put(entry.getKey(), entry.getValue()));
            boolean allUp = services.values().stream().allMatch(UP::equals);
            return new Report(allUp ? UP : DOWN, services);
        });
    }

    private Uni<Map.Entry<String, String>> ready(UpstreamClient.Target target) {
        return client.fetch(target, target.uri("/q/health/ready", null), timeout)
                .map(fetched -> fetched.status() == 200 ? UP : DOWN)
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("%s readiness unknown: %s", target.name(), e.toString());
                    return DOWN;
                })
                .map(status -> Map.entry(target.name(), status));
    }
}
