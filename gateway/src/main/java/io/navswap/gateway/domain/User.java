package io.navswap.gateway.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A person who can sign in. The gateway is the only owner of this collection; other services know a
 * user only by the token's {@code sub} (= {@link #id}) and {@code groups} (= {@link #role}).
 */
@MongoEntity(collection = "users")
public class User {
    @BsonId
    public String id;
    /** Always lower case; unique (index created at startup). */
    public String email;
    public String name;
    /** One of {@link io.navswap.shared.security.Roles#ALL}. */
    public String role;
    /** bcrypt in Modular Crypt Format ({@code $2a$10$...}); never leaves the gateway. */
    public String passwordHash;
    public Instant createdAt;
    public boolean active;

    public User() {
    }

    public User(String id, String email, String name, String role, String passwordHash, Instant createdAt) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.role = role;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.active = true;
    }

    /** Emails are compared case-insensitively: {@code Admin1@NavSwap.dev} is {@code admin1@navswap.dev}. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
