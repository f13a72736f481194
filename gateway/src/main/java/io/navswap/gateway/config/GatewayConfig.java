package io.navswap.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Everything the gateway can be tuned with. Defaults live in {@code application.properties}; every key
 * can be overridden by its environment variable (see README.md). The constraints are checked at startup,
 * so a gateway with a nonsensical configuration refuses to start instead of misbehaving.
 */
@ConfigMapping(prefix = "navswap.gateway")
public interface GatewayConfig {

    Jwt jwt();

    Passwords passwords();

    LoginThrottle loginThrottle();

    RateLimit rateLimit();

    Proxy proxy();

    /** Base URL of each backend service, keyed by service name ({@code station-service}, ...). */
    Map<String, String> services();

    Health health();

    Docs docs();

    Dashboards dashboards();

    interface Jwt {
        /** PEM (PKCS#8) RSA private key: classpath resource, file path, {@code file:} or {@code https:} URL. */
        @NotBlank
        String privateKeyLocation();

        /** {@code kid} header of issued tokens; must name the matching public key in the services' JWKS. */
        @NotBlank
        String keyId();

        /** SPEC: user tokens live at most one hour. */
        @DurationMin(minutes = 1)
        @DurationMax(hours = 1)
        Duration tokenTtl();
    }

    interface Passwords {
        /** bcrypt work factor for new hashes (existing hashes keep theirs). */
        @Min(10)
        @Max(16)
        int bcryptCost();
    }

    interface LoginThrottle {
        @WithDefault("true")
        boolean enabled();

        /** Failed logins for one email within {@link #window()} after which every attempt is refused. */
        @Min(1)
        int maxFailures();

        @DurationMin(seconds = 1)
        Duration window();
    }

    interface RateLimit {
        boolean enabled();

        /** Sustained requests per second per signed-in user. */
        @Positive
        double rate();

        /** Requests a signed-in user may make at once before the sustained rate applies. */
        @Min(1)
        int burst();

        /** Sustained requests per second per client IP for callers without a valid token. */
        @Positive
        double anonymousRate();

        @Min(1)
        int anonymousBurst();

        /** Longest wait for Redis before a request is let through unlimited (fail open). */
        @DurationMin(millis = 10)
        Duration redisTimeout();
    }

    interface Proxy {
        /** Time to open a TCP connection to a service (or get one from the pool); beyond it: 503. */
        @DurationMin(millis = 1)
        Duration connectTimeout();

        /** Longest silence from a service while waiting for or streaming its answer; beyond it: 504. */
        @DurationMin(millis = 1)
        Duration responseTimeout();

        /** Pooled HTTP/1.1 connections per service. */
        @Min(1)
        int maxConnectionsPerService();
    }

    interface Health {
        /** Per-service budget of {@code GET /health}; the services are asked in parallel. */
        @DurationMin(millis = 1)
        Duration timeout();
    }

    interface Docs {
        /** Per-service budget for fetching an OpenAPI document. */
        @DurationMin(millis = 1)
        Duration timeout();

        /** How long a merged document is reused before the services are asked again (0: never reused). */
        Duration cacheTtl();
    }

    interface Dashboards {
        /** Budget of each call an admin dashboard makes to a service; a part that takes longer is marked unavailable. */
        @DurationMin(millis = 1)
        Duration timeout();

        /** Per-station ai-service calls (forecast, reliability) one dashboard keeps in flight at once. */
        @Min(1)
        @Max(100)
        int aiConcurrency();
    }
}
