package io.navswap.station.rest;

import java.util.List;

public record NearestResponse(
        double latitude,
        double longitude,
        double maxDistanceKm,
        Double batterySohMin,
        int count,
        List<NearbyStation> stations) {
}
