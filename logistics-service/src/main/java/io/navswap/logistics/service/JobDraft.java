package io.navswap.logistics.service;

import io.navswap.logistics.domain.JobOrigin;
import io.navswap.logistics.domain.JobPriority;
import io.navswap.logistics.domain.Place;

/**
 * A job about to be created. {@code openKey} is null for admin jobs (an admin may knowingly add a second
 * job for a place) and set for planned ones (one live job per shortage or overflow).
 */
public record JobDraft(
        JobOrigin origin,
        JobPriority priority,
        Place source,
        Place destination,
        int batteryCount,
        String openKey,
        String reason,
        String plannedBy,
        String createdBy,
        String notes) {

    public static String shortageKey(String stationId) {
        return "shortage:" + stationId;
    }

    public static String overflowKey(String stationId) {
        return "overflow:" + stationId;
    }
}
