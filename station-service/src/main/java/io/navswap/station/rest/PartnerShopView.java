package io.navswap.station.rest;

import io.navswap.station.domain.PartnerShop;
import io.navswap.station.domain.StationInventory;
import java.util.Map;

/** A partner shop with its stock against capacity ({@code free_slots} never below zero). */
public record PartnerShopView(
        String partnerShopId,
        String name,
        String city,
        double latitude,
        double longitude,
        String address,
        int capacity,
        Map<String, Integer> stock,
        int stockTotal,
        int freeSlots) {

    public static PartnerShopView of(PartnerShop shop) {
        StationInventory stock = shop.stock == null ? StationInventory.empty() : shop.stock;
        return new PartnerShopView(shop.id, shop.name, shop.city, shop.latitude, shop.longitude, shop.address,
                shop.capacity, Map.of("at_partner", stock.count(io.navswap.station.domain.BatteryStatus.AT_PARTNER),
                        "quarantined", stock.count(io.navswap.station.domain.BatteryStatus.QUARANTINED)),
                stock.total, Math.max(0, shop.capacity - stock.total));
    }
}
