package io.navswap.queue.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

/** Everything queue-service lets operators tune; defaults live in application.properties. */
@ConfigMapping(prefix = "navswap.queue")
public interface QueueConfig {

    /** Live (non-terminal) reservations allowed per station at once. */
    int stationCapacity();

    /** Minutes one swap takes at the counter when the arrival model does not answer. */
    int minutesPerSwap();

    /**
     * Bounds of the arrival model's answer used as minutes per position: a quiet hour's long gap to the next
     * customer must not announce an hour's wait, nor a burst a zero one. Same defaults as station-service's
     * recommendations (1 and 15), so a recommended wait and the confirmed one agree.
     */
    double minMinutesPerSwap();

    double maxMinutesPerSwap();

    /**
     * How long a reservation may wait to be honoured (QR verified) beyond its estimated wait:
     * {@code expires_at = confirmed_at + estimated_wait + hold}.
     */
    Duration hold();

    /** A swap that started but never completed is marked failed after this long, freeing its slot. */
    Duration inProgressTimeout();

    /** How often the sweeper expires, fails and reconciles (also read by its {@code @Scheduled} expression). */
    Duration sweepInterval();

    /** How many upcoming slots {@code GET /queue/available-slots} lists. */
    int availableSlots();

    Qr qr();

    Geofence geofence();

    Cache cache();

    Retention retention();

    interface Qr {
        /** Signing keys by key id (base64, at least 32 bytes each); ids are lowercase letters and digits. */
        Map<String, String> keys();

        /** The key id new tokens are signed with; every other configured id is still accepted. */
        String activeKid();

        /** Lifetime of a token (SPEC: 15 minutes). */
        Duration ttl();
    }

    interface Geofence {
        /** Crossing inside this distance moves {@code confirmed → approaching}. */
        int approachingMeters();

        /** Crossing inside this distance moves {@code confirmed|approaching → arrived}. */
        int arrivedMeters();
    }

    interface Cache {
        /** Last GPS position per user in Redis. */
        Duration lastLocation();

        /** Last answer of staff-service per (station, staff), used while staff-service is unreachable. */
        Duration staffDuty();

        /** Minutes-per-swap answered by the arrival model, per station. */
        Duration arrivalPrediction();

        /**
         * How long the live queue in Redis is trusted before it is reconciled with Mongo again. A missing
         * marker (Redis flushed or restarted) triggers the rebuild at once.
         */
        Duration liveQueueResync();
    }

    interface Retention {
        /** GPS logs are removed this long after they were recorded (riders' positions are personal data). */
        Duration gpsLogs();

        /** QR token records (the counter's audit trail) are removed this long after the token expired. */
        Duration qrTokens();

        /** How often expired history is removed. */
        Duration interval();
    }
}
