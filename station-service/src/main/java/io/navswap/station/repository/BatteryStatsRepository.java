package io.navswap.station.repository;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import io.navswap.station.domain.LocationType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The fleet counted by MongoDB for the admin dashboards ({@code $match} on batteries not retired, then
 * {@code $group}): no battery document is loaded into this service.
 */
@ApplicationScoped
public class BatteryStatsRepository {
    private static final Bson NOT_RETIRED = Filters.eq("retiredAt", null);

    /** A group: its key ({@code null} for the whole fleet), how many batteries, their average SOH. */
    public record Group(String key, long count, Double avgSoh) {
    }

    private final BatteryRepository batteries;

    BatteryStatsRepository(BatteryRepository batteries) {
        this.batteries = batteries;
    }

    /** Keys are the stored enum names ({@code CHARGED}, ...). */
    public Uni<List<Group>> byStatus() {
        return grouped(NOT_RETIRED, "$status");
    }

    /** Keys are the stored enum names ({@code STATION}, ...). */
    public Uni<List<Group>> byLocationType() {
        return grouped(NOT_RETIRED, "$locationType");
    }

    /** Batteries at each station (charged, charging, quarantined) and their average SOH. */
    public Uni<List<Group>> atStations() {
        return grouped(Filters.and(NOT_RETIRED, Filters.eq("locationType", LocationType.STATION.name())), "$locationId");
    }

    /** The whole fleet: one group with a {@code null} key, or none when there is no battery. */
    public Uni<List<Group>> fleet() {
        return grouped(NOT_RETIRED, null);
    }

    private Uni<List<Group>> grouped(Bson match, String key) {
        return batteries.mongoCollection().aggregate(List.of(Aggregates.match(match),
                        Aggregates.group(key, Accumulators.sum("n", 1), Accumulators.avg("soh", "$soh"))), Document.class)
                .map(doc -> new Group(doc.get("_id") == null ? null : doc.get("_id").toString(),
                        ((Number) doc.get("n")).longValue(),
                        doc.get("soh") == null ? null : ((Number) doc.get("soh")).doubleValue()))
                .collect().asList();
    }
}
