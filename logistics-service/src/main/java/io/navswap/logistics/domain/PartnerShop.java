package io.navswap.logistics.domain;

/**
 * A partner shop as station-service describes it ({@code GET /partner-shops}): where it is, how many batteries
 * it can hold, how many it holds ({@code occupied}, quarantined ones included) and how many of those can be
 * sent out again ({@code available}, its {@code at_partner} stock). Owned by station-service; logistics keeps
 * a cached copy only.
 */
public record PartnerShop(String id, String name, String city, double latitude, double longitude, int capacity,
        int occupied, int available) {

    public int room() {
        return Math.max(0, capacity - occupied);
    }

    public Place place() {
        return new Place(PlaceType.PARTNER_SHOP, id, name, latitude, longitude);
    }
}
