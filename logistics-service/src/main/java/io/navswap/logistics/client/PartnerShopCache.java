package io.navswap.logistics.client;

import io.navswap.logistics.domain.PartnerShop;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The last partner-shop list station-service gave: in memory for speed, and one document in
 * {@code partner_shop_cache} so that a restarted replica still has a list while station-service is down.
 */
@ApplicationScoped
public class PartnerShopCache {
    private static final Logger LOG = Logger.getLogger(PartnerShopCache.class);
    private static final String COLLECTION = "partner_shop_cache";
    private static final String DOCUMENT_ID = "partner-shops";

    private final ReactiveMongoClient mongo;
    private final String database;
    private volatile List<PartnerShop> shops;
    private volatile Instant fetchedAt = Instant.EPOCH;

    PartnerShopCache(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.mongo = mongo;
        this.database = database;
    }

    /** The list, if it was fetched less than {@code ttl} ago. */
    public List<PartnerShop> fresh(Duration ttl) {
        List<PartnerShop> current = shops;
        return current != null && fetchedAt.plus(ttl).isAfter(Instant.now()) ? current : null;
    }

    public Uni<Void> remember(List<PartnerShop> fetched) {
        shops = List.copyOf(fetched);
        fetchedAt = Instant.now();
        List<Document> docs = fetched.stream().map(s -> new Document("id", s.id()).append("name", s.name())
                .append("city", s.city()).append("latitude", s.latitude()).append("longitude", s.longitude())
                .append("capacity", s.capacity()).append("occupied", s.occupied()).append("available", s.available()))
                .toList();
        return collection().replaceOne(new Document("_id", DOCUMENT_ID),
                        new Document("_id", DOCUMENT_ID).append("shops", docs).append("fetchedAt", Date.from(fetchedAt)),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warn("Could not store the partner-shop list; memory copy still serves", e))
                .onFailure().recoverWithNull();
    }

    /** The last list known in memory, else the stored one, else none. */
    public Uni<List<PartnerShop>> lastKnown() {
        List<PartnerShop> current = shops;
        if (current != null) {
            return Uni.createFrom().item(current);
        }
        return collection().find(new Document("_id", DOCUMENT_ID)).collect().first()
                .map(doc -> doc == null ? List.<PartnerShop>of() : doc.getList("shops", Document.class, List.of()).stream()
                        .map(d -> new PartnerShop(d.getString("id"), d.getString("name"), d.getString("city"),
                                d.get("latitude", Number.class).doubleValue(), d.get("longitude", Number.class).doubleValue(),
                                d.get("capacity", Number.class).intValue(), d.get("occupied", Number.class).intValue(),
                                d.get("available", Number.class).intValue()))
                        .toList())
                .invoke(stored -> {
                    if (shops == null && !stored.isEmpty()) {
                        shops = stored;
                    }
                });
    }

    private ReactiveMongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
