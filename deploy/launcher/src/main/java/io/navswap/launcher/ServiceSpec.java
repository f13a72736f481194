package io.navswap.launcher;

import java.util.List;

/** One of the seven services: its name, module directory and port offset from the gateway's port. */
public record ServiceSpec(String name, String module, int portOffset, String urlVariable) {

    /** Start order does not matter (services tolerate absent peers); the gateway is listed first for the reader. */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("gateway", "gateway", 0, null),
            new ServiceSpec("station-service", "station-service", 1, "NAVSWAP_STATION_URL"),
            new ServiceSpec("queue-service", "queue-service", 2, "NAVSWAP_QUEUE_URL"),
            new ServiceSpec("swap-service", "swap-service", 3, "NAVSWAP_SWAP_URL"),
            new ServiceSpec("logistics-service", "logistics-service", 4, "NAVSWAP_LOGISTICS_URL"),
            new ServiceSpec("staff-service", "staff-service", 5, "NAVSWAP_STAFF_URL"),
            new ServiceSpec("ai-service", "ai-service", 6, "NAVSWAP_AI_URL"));

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service named " + name));
    }

    public int port(int portBase) {
        return portBase + portOffset;
    }
}
