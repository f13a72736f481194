package io.navswap.gateway.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.navswap.gateway.domain.User;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** All access to the {@code users} collection. */
@ApplicationScoped
public class UserRepository implements ReactivePanacheMongoRepositoryBase<User, String> {
    public static final String EMAIL_INDEX = "users_email_unique";

    /** The unique email index is what makes "one account per email" hold under concurrent sign-ups. */
    public Uni<String> ensureIndexes() {
        return mongoCollection().createIndex(Indexes.ascending("email"),
                new IndexOptions().unique(true).name(EMAIL_INDEX));
    }

    public Uni<User> findByEmail(String normalizedEmail) {
        return find("email", normalizedEmail).firstResult();
    }

    /** Inserts the user; fails with {@link EmailTakenException} if the email is already registered. */
    public Uni<User> insert(User user) {
        return persist(user).onFailure(UserRepository::isDuplicateKey)
                .transform(e -> new EmailTakenException(user.email));
    }

    public Uni<List<User>> page(String role, int page, int size) {
        Sort order = Sort.by("_id");
        var query = role == null ? findAll(order) : find("role", order, role);
        return query.page(Page.of(page, size)).list();
    }

    public Uni<Long> countByRole(String role) {
        return role == null ? count() : count("role", role);
    }

    /**
     * Inserts each user whose id is absent and leaves existing ones untouched (never overwrites a
     * password someone changed). Unordered, so one conflicting email does not stop the others.
     */
    public Uni<InsertIfAbsentResult> insertAllIfAbsent(List<User> users) {
        List<WriteModel<User>> writes = users.stream()
                .<WriteModel<User>>map(u -> new UpdateOneModel<>(Filters.eq("_id", u.id), Updates.combine(
                        Updates.setOnInsert("email", u.email),
                        Updates.setOnInsert("name", u.name),
                        Updates.setOnInsert("role", u.role),
                        Updates.setOnInsert("passwordHash", u.passwordHash),
                        Updates.setOnInsert("createdAt", u.createdAt),
                        Updates.setOnInsert("active", u.active)), new UpdateOptions().upsert(true)))
                .toList();
        return mongoCollection().bulkWrite(writes, new BulkWriteOptions().ordered(false))
                .map(result -> new InsertIfAbsentResult(result.getUpserts().size(), List.of()))
                .onFailure(MongoBulkWriteException.class).recoverWithItem(e -> {
                    MongoBulkWriteException bulk = (MongoBulkWriteException) e;
                    BulkWriteResult partial = bulk.getWriteResult();
                    List<String> failed = bulk.getWriteErrors().stream()
                            .map(err -> users.get(err.getIndex()).id + ": " + err.getMessage()).toList();
                    return new InsertIfAbsentResult(partial.getUpserts().size(), failed);
                });
    }

    public record InsertIfAbsentResult(int inserted, List<String> failures) {
    }

    static boolean isDuplicateKey(Throwable e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** An account with this email exists already. */
    public static class EmailTakenException extends RuntimeException {
        public EmailTakenException(String email) {
            super("An account with email " + email + " already exists");
        }
    }
}
