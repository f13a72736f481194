package io.navswap.gateway.rest;

import io.navswap.gateway.domain.User;
import io.navswap.gateway.service.PasswordHasher;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request and response bodies of the gateway's own endpoints (JSON is snake_case). */
public final class AuthDtos {
    private AuthDtos() {
    }

    public record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 8, message = "must be at least 8 characters long")
            @MaxUtf8Bytes(PasswordHasher.MAX_PASSWORD_BYTES) String password,
            @NotBlank @Size(max = 100) String name,
            @Pattern(regexp = "consumer|staff|transporter|admin",
                    message = "must be one of consumer, staff, transporter, admin") String role) {
    }

    public record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password) {
    }

    /** The user as a token holder sees it. */
    public record UserSummary(String id, String email, String name, String role) {
        static UserSummary of(User user) {
            return new UserSummary(user.id, user.email, user.name, user.role);
        }
    }

    public record LoginResponse(String accessToken, String tokenType, long expiresIn, UserSummary user) {
    }

    /** A user account; the password hash never leaves the gateway. */
    public record UserView(String id, String email, String name, String role, Instant createdAt, boolean active) {
        static UserView of(User user) {
            return new UserView(user.id, user.email, user.name, user.role, user.createdAt, user.active);
        }
    }

    public record UserPage(List<UserView> items, int page, int size, long total) {
    }
}
