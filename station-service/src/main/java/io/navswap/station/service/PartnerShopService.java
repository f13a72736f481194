package io.navswap.station.service;

import io.navswap.station.repository.PartnerShopRepository;
import io.navswap.station.rest.PartnerShopView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Partner shops with their stock against capacity (stock recounted from the battery documents). */
@ApplicationScoped
public class PartnerShopService {
    private final PartnerShopRepository shops;

    PartnerShopService(PartnerShopRepository shops) {
        this.shops = shops;
    }

    public Uni<List<PartnerShopView>> list(String city) {
        return shops.listInCity(city).map(list -> list.stream().map(PartnerShopView::of).toList());
    }

    public Uni<PartnerShopView> get(String id) {
        return shops.findById(id).map(shop -> {
            if (shop == null) {
                throw StationProblems.partnerShopNotFound(id);
            }
            return PartnerShopView.of(shop);
        });
    }
}
