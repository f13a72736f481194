package io.navswap.station.service;

import io.navswap.station.config.StationConfig;
import io.navswap.station.domain.InventoryMarker;
import io.navswap.station.repository.BatteryRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Batteries on a charger become {@code charged} once {@code navswap.station.charging.duration} has passed since
 * they started charging. Stations have no charger telemetry in this system, so without this clock returned
 * batteries would never be available again. Conditional per battery, so replicas running it at once are harmless.
 */
@ApplicationScoped
public class ChargingClock {
    private static final int BATCH = 200;

    private final BatteryRepository batteries;
    private final InventoryRecounter recounter;
    private final Duration duration;

    ChargingClock(BatteryRepository batteries, InventoryRecounter recounter, StationConfig config) {
        this.batteries = batteries;
        this.recounter = recounter;
        this.duration = config.charging().duration();
    }

    public boolean enabled() {
        return !duration.isZero() && !duration.isNegative();
    }

    /** Moves every battery that has finished charging; answers how many. */
    public Uni<Integer> tick() {
        if (!enabled()) {
            return Uni.createFrom().item(0);
        }
        Instant before = Instant.now().minus(duration);
        return batteries.doneCharging(before, BATCH)
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(b -> {
                    InventoryMarker marker = InventoryMarker.forLocation(b.locationType, b.locationId, "charged").orElse(null);
                    if (marker == null) {
                        return Uni.createFrom().item(0);
                    }
                    return batteries.finishCharging(b.id, before, marker).map(moved -> moved == null ? 0 : 1);
                })
                .collect().with(Collectors.summingInt(Integer::intValue))
                .invoke(n -> {
                    if (n > 0) {
                        recounter.nudge();
                    }
                });
    }
}
