package io.navswap.gateway.domain;

import java.util.List;
import java.util.Optional;

/**
 * The routing table of SPEC.md §Shape: which public path prefixes belong to which service. A prefix
 * matches the path itself and everything below it ({@code /station}, {@code /station/ST-1}) but not a
 * longer word ({@code /stationX}).
 */
public enum Upstream {
    STATION("station-service", "/station", "/recommend", "/batteries", "/partner-shops"),
    QUEUE("queue-service", "/queue", "/qr", "/location"),
    SWAP("swap-service", "/swap"),
    LOGISTICS("logistics-service", "/transport", "/credits"),
    STAFF("staff-service", "/staff", "/tickets"),
    AI("ai-service", "/ai");

    private final String serviceName;
    private final List<String> prefixes;

    Upstream(String serviceName, String... prefixes) {
        this.serviceName = serviceName;
        this.prefixes = List.of(prefixes);
    }

    public String serviceName() {
        return serviceName;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    /** True if {@code path} (a request path or an OpenAPI path template) is served by this service. */
    public boolean owns(String path) {
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/') {
                return true;
            }
        }
        return false;
    }

    public static Optional<Upstream> forPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (Upstream upstream : values()) {
            if (upstream.owns(path)) {
                return Optional.of(upstream);
            }
        }
        return Optional.empty();
    }

    public static Optional<Upstream> byServiceName(String name) {
        for (Upstream upstream : values()) {
            if (upstream.serviceName.equals(name)) {
                return Optional.of(upstream);
            }
        }
        return Optional.empty();
    }
}
