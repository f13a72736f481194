package io.navswap.logistics.domain;

import io.navswap.shared.geo.Haversine;

/** A station or partner shop with its coordinates, as a job's pickup or drop-off point. */
public record Place(PlaceType type, String id, String name, double latitude, double longitude) {

    public double distanceKmTo(Place other) {
        return Haversine.km(latitude, longitude, other.latitude, other.longitude);
    }
}
