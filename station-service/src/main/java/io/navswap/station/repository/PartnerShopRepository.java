package io.navswap.station.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.navswap.station.domain.PartnerShop;
import io.navswap.station.domain.StationInventory;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.List;

/** All access to {@code partner_shops}. */
@ApplicationScoped
public class PartnerShopRepository implements ReactivePanacheMongoRepositoryBase<PartnerShop, String> {

    public Uni<List<PartnerShop>> listInCity(String city) {
        // A handful of shops: filtering here keeps ?city= case-insensitive without a normalised field.
        return findAll(Sort.by("_id")).list().map(all -> city == null || city.isBlank() ? all
                : all.stream().filter(shop -> city.trim().equalsIgnoreCase(shop.city)).toList());
    }

    /** Stores a recounted stock unless another recount wrote in between; {@code null} when it lost the race. */
    public Uni<PartnerShop> applyStock(String id, long expectedStockVersion, StationInventory stock) {
        return mongoCollection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("stockVersion", expectedStockVersion)),
                Updates.combine(Updates.set("stock", InventoryDocuments.of(stock)),
                        Updates.set("updatedAt", new Date()), Updates.inc("stockVersion", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    public Uni<List<String>> existingIds(List<String> ids) {
        return mongoCollection().find(Filters.in("_id", ids)).map(s -> s.id).collect().asList();
    }
}
