package io.navswap.station.repository;

import com.mongodb.client.model.Filters;
import io.navswap.station.domain.LocationType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;

/**
 * Recent swap activity of a station, the "recent swaps/arrivals per hour" feature of ai-service's load and arrival
 * models: batteries riders returned at the station since a moment ({@code lastSwap.role = old}). A returned battery
 * stays at the station to charge, so the count uses the {@code locationType, locationId} index; one carried away
 * within the hour is missed, which only makes the count conservative.
 */
@ApplicationScoped
public class RecentSwapsRepository {
    private final BatteryRepository batteries;

    RecentSwapsRepository(BatteryRepository batteries) {
        this.batteries = batteries;
    }

    public Uni<Integer> completedSince(String stationId, Instant since) {
        return batteries.mongoCollection().countDocuments(Filters.and(
                        Filters.eq("locationType", LocationType.STATION.name()),
                        Filters.eq("locationId", stationId),
                        Filters.eq("lastSwap.role", "old"),
                        Filters.eq("lastSwap.stationId", stationId),
                        Filters.gte("lastSwap.at", Date.from(since))))
                .map(Long::intValue);
    }
}
