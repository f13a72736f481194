package io.navswap.station.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Typed settings of station-service; defaults live in application.properties, env vars in the README. */
@ConfigMapping(prefix = "navswap.station")
public interface StationConfig {

    /** SOH (percent) under which a returned or reporting battery is quarantined (level-1 fault). */
    double quarantineSohThreshold();

    /** Time zone of the operated cities; hour-of-day and day-of-week features for ai-service use it. */
    ZoneId zone();

    ListCache listCache();

    Index index();

    Inventory inventory();

    Charging charging();

    Queue queue();

    Recommend recommend();

    interface ListCache {
        /** How long a {@code GET /station/list} answer stays in Redis (invalidated earlier on change). */
        Duration ttl();
    }

    interface Index {
        /** Grid cell edge of the in-memory spatial index, in degrees of latitude/longitude. */
        double cellDegrees();

        /** How often each replica re-reads stations changed since its last pass (other replicas' writes). */
        Duration refreshInterval();
    }

    interface Inventory {
        /** Safety-net pass of the inventory recounter; writes nudge it at once anyway. */
        Duration recountInterval();

        /** Battery documents handled per recount pass. */
        @WithDefault("200")
        int batchSize();
    }

    interface Charging {
        /** How long a battery takes from {@code charging} to {@code charged}; zero disables the clock. */
        Duration duration();

        /** How often the charging clock looks for batteries that have finished charging. */
        Duration checkInterval();
    }

    interface Queue {
        /** How often the in-memory queue-length snapshot re-reads the read model (other replicas' events). */
        Duration refreshInterval();
    }

    interface Recommend {
        double weightDistance();

        double weightQueue();

        double weightTime();

        /** Queue length at which the queue component scores 0 (the per-station reservation cap). */
        int queueCap();

        /** Minutes to a swap at which the time component scores 0. */
        double timeCapMinutes();

        /** Minutes per rider ahead in the queue when ai-service gives no arrival estimate. */
        double minutesPerSwap();

        /**
         * Bounds of ai-service's arrival estimate used as minutes per rider ahead: a quiet hour's long gap to the
         * next customer must not announce an hour's wait. Same defaults as queue-service's confirm (1 and 15).
         */
        double minMinutesPerSwap();

        double maxMinutesPerSwap();

        /** Average urban riding speed used to turn distance into travel minutes. */
        double averageSpeedKmh();

        /** Default search radius when a request gives none. */
        double defaultMaxDistanceKm();

        /** How many best candidates (by the heuristic score) get an ai-service arrival estimate. */
        int aiCandidates();

        /** Upper bound a recommendation waits for ai-service arrival estimates before using the heuristic. */
        Duration aiBudget();

        /** How long an arrival estimate from ai-service is reused for a station. */
        Duration arrivalCacheTtl();
    }
}
