package io.navswap.station.service;

import io.navswap.station.rest.NearbyStation;
import io.navswap.station.rest.NearestResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code GET /station/nearest}: the spatial index, then exact distances; no database round trip. */
@ApplicationScoped
public class NearestStationSearch {
    private final StationIndex index;
    private final QueueLengths queues;

    NearestStationSearch(StationIndex index, QueueLengths queues) {
        this.index = index;
        this.queues = queues;
    }

    /**
     * Active stations within {@code maxDistanceKm}, nearest first. With {@code sohMin}, only stations holding a
     * charged battery with at least that SOH, and {@code charged_available} counts those batteries.
     */
    public NearestResponse nearest(double latitude, double longitude, double maxDistanceKm, Double sohMin, int limit) {
        List<NearbyStation> stations = index.within(latitude, longitude, maxDistanceKm,
                        s -> sohMin == null || s.chargedAtLeast(sohMin) > 0, limit)
                .stream()
                .map(hit -> {
                    IndexedStation s = hit.entry();
                    int charged = sohMin == null ? s.chargedSoh().size() : s.chargedAtLeast(sohMin);
                    return new NearbyStation(s.id(), s.name(), s.city(), s.latitude(), s.longitude(), s.address(),
                            s.capacity(), StationScorer.round(hit.distanceKm(), 3), charged, s.bestChargedSoh(),
                            queues.of(s.id()));
                })
                .toList();
        return new NearestResponse(latitude, longitude, maxDistanceKm, sohMin, stations.size(), stations);
    }
}
