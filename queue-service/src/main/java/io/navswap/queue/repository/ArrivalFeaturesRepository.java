package io.navswap.queue.repository;

import com.mongodb.client.model.Filters;
import io.navswap.queue.domain.ReservationStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * What the arrival model wants to know about a station's riders, counted by MongoDB (both queries start with
 * {@code stationId}, served by the {@code stationId, status, confirmedAt} index): riders who reached the station
 * since a moment (arrived inside 500 m, or their swap started), and reservations now inside the 1 km geofence
 * but not yet arrived ({@code approaching}).
 */
@ApplicationScoped
public class ArrivalFeaturesRepository {

    public record ArrivalFeatures(int recentArrivals, int approaching) {
    }

    private final ReservationRepository reservations;

    ArrivalFeaturesRepository(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    public Uni<ArrivalFeatures> of(String stationId, Instant since) {
        Uni<Long> arrived = reservations.mongoCollection().countDocuments(Filters.and(
                Filters.eq("stationId", stationId),
                Filters.or(Filters.gte("arrivedAt", since), Filters.gte("startedAt", since))));
        Uni<Long> approaching = reservations.mongoCollection().countDocuments(Filters.and(
                Filters.eq("stationId", stationId),
                Filters.eq("status", ReservationStatus.APPROACHING.name())));
        return Uni.combine().all().unis(arrived, approaching).asTuple()
                .map(t -> new ArrivalFeatures(t.getItem1().intValue(), t.getItem2().intValue()));
    }
}
