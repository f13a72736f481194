package io.navswap.logistics.repository;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.navswap.logistics.domain.CreditEntry;
import io.navswap.logistics.domain.CreditKind;
import io.navswap.messaging.MongoErrors;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/** The credits ledger: insert-only, one entry per source key (unique index). */
@ApplicationScoped
public class CreditLedgerRepository implements ReactivePanacheMongoRepositoryBase<CreditEntry, String> {

    public Uni<Void> ensureIndexes() {
        return mongoCollection().createIndex(Indexes.ascending("sourceKey"),
                        new IndexOptions().name("source_key_unique").unique(true))
                .chain(() -> mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("userId"),
                        Indexes.descending("occurredAt")), new IndexOptions().name("user_entries")))
                .replaceWithVoid();
    }

    /** Books {@code entry}; false when its source was booked before (by any path, at any time). */
    public Uni<Boolean> insertIfAbsent(CreditEntry entry) {
        return persist(entry).replaceWith(true)
                .onFailure(MongoErrors::isDuplicateKey).recoverWithItem(false);
    }

    public Uni<CreditEntry> findBySourceKey(String sourceKey) {
        return find("sourceKey", sourceKey).firstResult();
    }

    /** A page of the user's entries, newest first (ties by id so that pages never overlap). */
    public Uni<List<CreditEntry>> pageByUser(String userId, int page, int size) {
        return find("userId", Sort.descending("occurredAt", "_id"), userId).page(page, size).list();
    }

    public Uni<Long> countByUser(String userId) {
        return count("userId", userId);
    }

    /** Sum of the user's entries, of one kind or all. */
    public Uni<Double> balance(String userId, CreditKind kind) {
        List<Bson> match = new ArrayList<>(List.of(Filters.eq("userId", userId)));
        if (kind != null) {
            match.add(Filters.eq("kind", kind.name()));
        }
        return sum(Filters.and(match));
    }

    /** Credits booked since {@code since}, all users. */
    public Uni<Double> issuedSince(Instant since) {
        return sum(Filters.gte("bookedAt", Date.from(since)));
    }

    private Uni<Double> sum(Bson match) {
        return mongoCollection().aggregate(List.of(Aggregates.match(match),
                        Aggregates.group(null, Accumulators.sum("total", "$amount"))), Document.class)
                .collect().first()
                .map(doc -> doc == null || doc.get("total") == null ? 0.0 : ((Number) doc.get("total")).doubleValue());
    }
}
