package io.navswap.gateway.rest;

import io.navswap.gateway.domain.Upstream;
import io.navswap.gateway.service.BearerTokens;
import io.navswap.gateway.service.RateLimiter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * First stop of every request after the request id: reads the bearer token once (the proxy reuses the
 * result) and spends one token of the caller's rate-limit bucket. Health, docs and the {@code /q}
 * operations endpoints are exempt, so probes and scrapers never starve users nor get starved.
 */
@Singleton
public class EdgeFilter {
    /** Routing-context key of the {@link BearerTokens.Check} of this request. */
    public static final String TOKEN_CHECK = "navswap.gateway.token-check";
    /** After the shared RequestIdFilter (10 000) so that refusals carry the request id. */
    private static final int PRIORITY = 9_000;

    private final BearerTokens tokens;
    private final RateLimiter limiter;
    private final VertxProblems problems;

    EdgeFilter(BearerTokens tokens, RateLimiter limiter, VertxProblems problems) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    static boolean exempt(String path) {
        return path == null || path.equals("/health") || path.equals("/q") || path.startsWith("/q/")
                || path.startsWith("/docs");
    }

    void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (exempt(path)) {
            rc.next();
            return;
        }
        BearerTokens.Check check = tokens.check(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
        rc.put(TOKEN_CHECK, check);
        if (!limiter.enabled()) {
            rc.next();
            return;
        }
        // The body must not flow while Redis is asked; the proxy takes over a paused request and
        // streams it on, everything else is resumed before it continues.
        boolean proxied = Upstream.forPath(path).isPresent();
        rc.request().pause();
        Context context = Vertx.currentContext();
        limiter.take(caller(rc, check)).subscribe().with(
                decision -> onContext(context, () -> {
                    if (!decision.allowed()) {
                        rc.request().resume();
                        problems.send(rc, 429, "rate-limited", "Too many requests",
                                "Request rate limit exceeded; retry after " + decision.retryAfterSeconds() + " s",
                                Map.of("Retry-After", String.valueOf(decision.retryAfterSeconds()),
                                        "X-RateLimit-Limit", String.valueOf(decision.limit()),
                                        "X-RateLimit-Remaining", "0"));
                        return;
                    }
                    if (decision.enforced()) {
                        rc.response().putHeader("X-RateLimit-Limit", String.valueOf(decision.limit()));
                        rc.response().putHeader("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
                    }
                    if (!proxied) {
                        rc.request().resume();
                    }
                    rc.next();
                }),
                failure -> onContext(context, () -> {
                    rc.request().resume();
                    rc.fail(failure);
                }));
    }

    private static RateLimiter.Caller caller(RoutingContext rc, BearerTokens.Check check) {
        if (check instanceof BearerTokens.Valid valid) {
            JsonWebToken token = valid.token();
            String subject = token.getSubject() != null ? token.getSubject() : token.getName();
            if (subject != null) {
                return RateLimiter.Caller.user(subject);
            }
        }
        return RateLimiter.Caller.client(clientIp(rc));
    }

    /**
     * The TCP peer, or the client an ingress names when {@code quarkus.http.proxy.*} trusts it: never a
     * raw header, which any client could forge to get a fresh bucket.
     */
    static String clientIp(RoutingContext rc) {
        SocketAddress remote = rc.request().remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }
}
