package io.navswap.queue.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.Updates;
import com.mongodb.client.result.DeleteResult;
import io.navswap.queue.domain.QrToken;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The audit trail of issued QR tokens ({@code qr_tokens}). */
@ApplicationScoped
public class QrTokenRepository implements ReactivePanacheMongoRepositoryBase<QrToken, String> {

    public Uni<Void> insert(QrToken token) {
        return mongoCollection().insertOne(token).replaceWithVoid();
    }

    public Uni<Void> markUsed(String nonce, String staffId, Instant at) {
        return mongoCollection().updateOne(and(eq("_id", nonce), exists("usedAt", false)),
                Updates.combine(Updates.set("usedAt", at), Updates.set("usedBy", staffId)))
                .replaceWithVoid();
    }

    /** Removes the records of tokens that expired before {@code cutoff}; answers how many. */
    public Uni<Long> deleteExpiredBefore(Instant cutoff) {
        return mongoCollection().deleteMany(lt("expiresAt", cutoff)).map(DeleteResult::getDeletedCount);
    }

    public Uni<Void> markSuperseded(String nonce, Instant at) {
        return mongoCollection().updateOne(and(eq("_id", nonce), exists("supersededAt", false)),
                Updates.set("supersededAt", at))
                .replaceWithVoid();
    }
}
