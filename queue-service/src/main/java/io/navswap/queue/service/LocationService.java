package io.navswap.queue.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Updates;
import io.navswap.messaging.OutboxRelay;
import io.navswap.queue.config.QueueConfig;
import io.navswap.queue.domain.GpsLog;
import io.navswap.queue.domain.Reservation;
import io.navswap.queue.domain.ReservationStatus;
import io.navswap.queue.repository.GpsLogRepository;
import io.navswap.queue.repository.LastPositionStore;
import io.navswap.queue.repository.ReservationRepository;
import io.navswap.queue.repository.ReservationRepository.Transition;
import io.navswap.shared.events.LocationUpdated;
import io.navswap.shared.geo.Haversine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;

/**
 * A rider's GPS fix: logged in {@code gps_logs} with its {@code location.updated} event in the same insert,
 * kept as the last position in Redis (short TTL), and, when the rider holds a live reservation, checked
 * against the station's geofence rings.
 */
@ApplicationScoped
public class LocationService {
    private static final Logger LOG = Logger.getLogger(LocationService.class);

    public record Fix(double latitude, double longitude, Double accuracy, Double speed, Double heading) {
    }

    /** {@code distanceMeters}, {@code reservationId} and {@code status} are null without a live reservation. */
    public record Result(Double distanceMeters, String reservationId, String stationId, String status,
            List<String> triggered, Instant recordedAt) {
    }

    private final GpsLogRepository logs;
    private final LastPositionStore lastPositions;
    private final ReservationRepository reservations;
    private final ReservationTransitions transitions;
    private final ReservationEvents events;
    private final Geofence geofence;
    private final OutboxRelay relay;
    private final ObjectMapper mapper;
    private final QueueConfig config;
    private final QueueMetrics metrics;

    LocationService(GpsLogRepository logs, LastPositionStore lastPositions, ReservationRepository reservations,
            ReservationTransitions transitions, ReservationEvents events, Geofence geofence, OutboxRelay relay,
            ObjectMapper mapper, QueueConfig config, QueueMetrics metrics) {
        this.logs = logs;
        this.lastPositions = lastPositions;
        this.reservations = reservations;
        this.transitions = transitions;
        this.events = events;
        this.geofence = geofence;
        this.relay = relay;
        this.mapper = mapper;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<Result> update(Caller caller, Fix fix) {
        Instant now = Instant.now();
        LocationUpdated location = new LocationUpdated(caller.userId(), fix.latitude(), fix.longitude(),
                fix.accuracy(), fix.speed(), fix.heading(), now);
        return reservations.findActiveByUser(caller.userId()).chain(active -> {
            Double distance = active == null ? null
                    : Haversine.meters(fix.latitude(), fix.longitude(), active.stationLatitude,
                            active.stationLongitude);
            GpsLog log = new GpsLog();
            log.id = "gps-" + new ObjectId().toHexString();
            log.userId = caller.userId();
            log.latitude = fix.latitude();
            log.longitude = fix.longitude();
            log.accuracy = fix.accuracy();
            log.speed = fix.speed();
            log.heading = fix.heading();
            log.recordedAt = now;
            log.reservationId = active == null ? null : active.id;
            log.distanceMeters = distance == null ? null : round(distance);
            log.outbox.add(events.locationUpdated(location));
            return logs.insert(log)
                    .invoke(() -> relay.nudge(logs.mongoCollection(), log.id))
                    .call(() -> rememberLastPosition(location))
                    .chain(() -> active == null
                            ? Uni.createFrom().item(new Result(null, null, null, null, List.of(), now))
                            : applyGeofence(active, distance, now));
        });
    }

    private Uni<Result> applyGeofence(Reservation active, double distance, Instant recordedAt) {
        double rounded = round(distance);
        if (geofence.target(active.status, distance) == null) {
            return Uni.createFrom().item(new Result(rounded, active.id, active.stationId, active.status.wire(),
                    List.of(), recordedAt));
        }
        return transitions.move(active.id, (current, now) -> {
            ReservationStatus target = geofence.target(current.status, distance);
            if (target == null) {
                return null;
            }
            String reachedAt = target == ReservationStatus.ARRIVED ? "arrivedAt" : "approachingAt";
            return new Transition(target, List.of(),
                    List.of(Updates.set(reachedAt, now), Updates.set("lastDistanceMeters", rounded)),
                    List.of(events.changed(current, current.status, target, null, null, now),
                            events.geofenceCrossed(current, geofence.radiusOf(target), rounded, current.status, target,
                                    now)));
        }).invoke(outcome -> {
            if (outcome.moved()) {
                metrics.geofence(outcome.status().wire());
            }
        }).map(outcome -> new Result(rounded, active.id, active.stationId, outcome.status().wire(),
                outcome.moved() ? List.of(outcome.status().wire()) : List.of(), recordedAt));
    }

    private Uni<Void> rememberLastPosition(LocationUpdated location) {
        String json;
        try {
            json = mapper.writeValueAsString(location);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return lastPositions.remember(location.userId(), json, config.cache().lastLocation())
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "Last position of %s not cached", location.userId());
                    return Uni.createFrom().voidItem();
                });
    }

    private static double round(double meters) {
        return Math.round(meters * 10) / 10.0;
    }
}
