package io.navswap.staff.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Typed configuration of staff-service; defaults live in application.properties, env vars in the README. */
@ConfigMapping(prefix = "navswap.staff")
public interface StaffConfig {

    /** Zone of operations (IANA id): the date in ticket numbers and the days of the demo shifts. */
    String zone();

    Assignments assignments();

    Diversion diversion();

    Faults faults();

    Tickets tickets();

    Stations stations();

    interface Assignments {
        /** Longest shift an admin may create. */
        Duration maxShift();

        /** Lease of the per-person lock that serialises changes to one person's assignments. */
        Duration lockLease();

        /** How often finished assignments (and diversions) are marked {@code completed}. */
        Duration completionInterval();
    }

    interface Diversion {
        /** Expected swaps per hour per staff member above which a station counts as overloaded. */
        double loadPerStaffThreshold();

        /** A donor station must stay at or below threshold × this ratio after giving someone up. */
        double donorMaxRatio();

        /** Nobody is suggested away from a station that would be left with fewer people than this. */
        int minStaffPerStation();

        /** Donors further away than this (haversine, same city) are not considered. */
        double maxDonorDistanceKm();

        /** Suggestion window when the request names none. */
        int defaultWindowHours();

        /** Fallback traffic forecast: swaps per hour of a 24-slot station (SPEC §6 load baseline). */
        double baselineSwapsPerHour();

        /** Parallel forecast calls to ai-service per suggestion request. */
        int forecastConcurrency();
    }

    interface Faults {
        /** Same battery faulting this many times within {@link #recurrenceWindow()} is recurring. */
        int recurrenceCount();

        Duration recurrenceWindow();

        /** This many faults at one station within {@link #stationSpikeWindow()} is a spike. */
        int stationSpikeThreshold();

        Duration stationSpikeWindow();

        /** Fault probability that triggers level-2 analysis. */
        double highProbability();

        /** Fault probability that makes a fault critical (level 3). */
        double criticalProbability();

        /** SOH below which a fault is critical (level 3). */
        double criticalSoh();

        /** A level-1/2 fault without a ticket for this long is unresolved and gets one. */
        Duration unresolvedAfter();

        /** How often the unresolved-fault escalation runs. */
        Duration escalationInterval();
    }

    interface Tickets {
        Sla sla();

        /** Technicians further than this from the fault's station are not auto-assigned. */
        double maxAssignDistanceKm();
    }

    interface Sla {
        Duration critical();

        Duration high();

        Duration medium();

        Duration low();
    }

    interface Stations {
        /** Lifetime of the cached station directory (Redis), SPEC: station list 5 min. */
        Duration cacheTtl();
    }
}
