package io.navswap.queue.repository;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import io.navswap.queue.domain.ReservationStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Live reservations counted by MongoDB per station and status ({@code $match} on the live statuses, served by
 * the {@code status, expiresAt} index, then {@code $group}): no reservation document is loaded here.
 */
@ApplicationScoped
public class QueueStatsRepository {

    /** How many live reservations one station has in one status. */
    public record LiveCount(String stationId, ReservationStatus status, long count) {
    }

    private final ReservationRepository reservations;

    QueueStatsRepository(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    public Uni<List<LiveCount>> liveByStationAndStatus() {
        List<Bson> pipeline = List.of(
                Aggregates.match(Filters.in("status", ReservationRepository.names(ReservationStatus.LIVE))),
                Aggregates.group(new Document("station", "$stationId").append("status", "$status"),
                        Accumulators.sum("n", 1)));
        return reservations.mongoCollection().aggregate(pipeline, Document.class)
                .map(doc -> {
                    Document key = doc.get("_id", Document.class);
                    return new LiveCount(key.getString("station"), ReservationStatus.valueOf(key.getString("status")),
                            ((Number) doc.get("n")).longValue());
                })
                .collect().asList();
    }
}
