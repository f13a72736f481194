package io.navswap.station.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * "The inventory of this place changed and must be recounted": written into the battery document by the
 * same update that moves the battery, removed by the recounter once the place's summary (and its
 * {@code inventory.changed} event) is written. Each marker is unique ({@code token}), so a removal never
 * swallows a marker that a later write added for the same place.
 *
 * <p>Stored as {@code <kind>:<id>|<reason>|<token>}, e.g. {@code station:ST-DEL-001|swap|3f2a...}.
 */
public record InventoryMarker(Kind kind, String placeId, String reason, String token) {

    public enum Kind {
        STATION("station"), SHOP("shop");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public static InventoryMarker station(String stationId, String reason) {
        return new InventoryMarker(Kind.STATION, stationId, reason, UUID.randomUUID().toString());
    }

    public static InventoryMarker shop(String shopId, String reason) {
        return new InventoryMarker(Kind.SHOP, shopId, reason, UUID.randomUUID().toString());
    }

    /** The marker for a place given as a battery location, if that location has an inventory. */
    public static Optional<InventoryMarker> forLocation(LocationType type, String id, String reason) {
        if (type == LocationType.STATION && id != null) {
            return Optional.of(station(id, reason));
        }
        if (type == LocationType.PARTNER_SHOP && id != null) {
            return Optional.of(shop(id, reason));
        }
        return Optional.empty();
    }

    public String encoded() {
        return kind.prefix + ":" + placeId + "|" + reason + "|" + token;
    }

    /** The place this marker is about, e.g. {@code station:ST-DEL-001}. */
    public String place() {
        return kind.prefix + ":" + placeId;
    }

    public static Optional<InventoryMarker> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        String[] parts = encoded.split("\\|", 3);
        int colon = parts[0].indexOf(':');
        if (parts.length != 3 || colon < 0) {
            return Optional.empty();
        }
        String prefix = parts[0].substring(0, colon);
        String id = parts[0].substring(colon + 1);
        for (Kind kind : Kind.values()) {
            if (kind.prefix.equals(prefix)) {
                return Optional.of(new InventoryMarker(kind, id, parts[1], parts[2]));
            }
        }
        return Optional.empty();
    }
}
