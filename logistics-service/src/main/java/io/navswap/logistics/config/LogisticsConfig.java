package io.navswap.logistics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every tunable of logistics-service; defaults in application.properties, env overrides in the README. */
@ConfigMapping(prefix = "navswap.logistics")
public interface LogisticsConfig {

    Rebalancing rebalancing();

    Credits credits();

    Jobs jobs();

    Directory directory();

    interface Rebalancing {
        /** A station is short when charged stock falls below this share of its capacity (SPEC: 0.20). */
        double lowStockRatio();

        /** Below this share the stock-order model is asked whether to reorder early; above it nobody asks. */
        double watchRatio();

        /** A rebalancing job tops a station up to this share of capacity (the heuristic quantity). */
        double targetRatio();

        /** A station is a surplus source only while its charged stock is above this share of capacity. */
        double surplusRatio();

        /** At most this many batteries per job (one vehicle load). */
        int maxBatteriesPerJob();

        /** Sources (surplus stations, partner shops) farther than this from the station are not considered. */
        double maxSourceDistanceKm();

        /**
         * Minutes a partner shop needs per battery (ai-service's partner-allocation feature; shops do not report
         * it). 3 is the middle of the range the model was trained on (1-6).
         */
        @WithDefault("3.0")
        double shopHandlingMinutesPerBattery();
    }

    interface Credits {
        /** Paid per delivered job. */
        double base();

        /** Paid per km and battery. */
        double rate();
    }

    interface Jobs {
        /** Accepted or picked-up jobs a transporter may hold at once (SPEC: 2). */
        int maxActivePerTransporter();

        /** An accepted job not picked up within this time goes back to the market ({@code job.released}). */
        Duration pickupTimeout();

        /** An open job nobody accepts within this time expires, so a fresh one can be planned from current stock. */
        Duration openTtl();

        /** How often the sweeper releases, expires and repairs transporter slots. */
        Duration sweepInterval();

        /** A transporter hold older than this whose job says otherwise is a leftover of a crash and is removed. */
        @WithDefault("1m")
        Duration holdGrace();

        /** Radius of the marketplace search when the app does not send one, and the largest allowed. */
        double defaultRadiusKm();

        double maxRadiusKm();

        /** Most jobs one marketplace answer lists. */
        int availableLimit();
    }

    interface Directory {
        /** How long a station's coordinates from station-service are trusted before being asked again. */
        Duration stationTtl();

        /** How long the partner-shop list from station-service is served before being fetched again. */
        Duration partnerShopsTtl();
    }
}
