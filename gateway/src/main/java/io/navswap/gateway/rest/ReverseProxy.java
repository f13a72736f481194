package io.navswap.gateway.rest;

import io.navswap.gateway.client.UpstreamClient;
import io.navswap.gateway.domain.Upstream;
import io.navswap.gateway.service.BearerTokens;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The reverse proxy: every public path of a service (SPEC.md §Shape, {@link Upstream}) is forwarded with
 * its method, path, query, headers and body, and the service's status, headers and body come back.
 * Bodies are streamed both ways with back-pressure, never held in memory, so large or slow (chunked,
 * server-sent) answers pass through as they are produced.
 *
 * <p>A bearer token is verified here before anything is forwarded (a bad one is a 401 at the edge); a
 * request without one is forwarded and the service decides, since some service paths may be public.
 */
@Singleton
public class ReverseProxy {
    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);

    /** RFC 9110 §7.6.1 hop-by-hop fields, plus those the proxy sets itself. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
            "host", "expect", "http2-settings");
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    private final UpstreamClient client;
    private final BearerTokens tokens;
    private final VertxProblems problems;

    ReverseProxy(UpstreamClient client, BearerTokens tokens, VertxProblems problems) {
        this.client = client;
        this.tokens = tokens;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route().handler(rc -> Upstream.forPath(rc.normalizedPath())
                .ifPresentOrElse(upstream -> forward(rc, upstream), rc::next));
    }

    void forward(RoutingContext rc, Upstream upstream) {
        HttpServerRequest in = rc.request();
        in.pause();
        BearerTokens.Check check = rc.get(EdgeFilter.TOKEN_CHECK);
        if (check == null) {
            check = tokens.check(in.getHeader(HttpHeaders.AUTHORIZATION));
        }
        if (check instanceof BearerTokens.Invalid invalid) {
            in.resume();
            problems.send(rc, 401, "unauthorized", "Unauthorized", invalid.reason(),
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
            return;
        }
        UpstreamClient.Target target = client.target(upstream);
        String uri = target.uri(rc.normalizedPath(), in.query());
        client.open(target, in.method(), uri, requestHeaders(in)).onComplete(opened -> {
            if (opened.failed()) {
                in.resume();
                LOG.warnf("%s unreachable for %s %s: %s", target.name(), in.method(), uri, opened.cause().toString());
                problems.send(rc, 503, "service-unavailable", "Service unavailable",
                        target.name() + " is not reachable right now; try again shortly");
                return;
            }
            exchange(rc, target, opened.result());
        });
    }

    private void exchange(RoutingContext rc, UpstreamClient.Target target, HttpClientRequest out) {
        HttpServerRequest in = rc.request();
        HttpServerResponse res = rc.response();
        if (res.closed()) {
            out.reset();
            return;
        }
        // The caller went away: stop the service's work and free the pooled connection.
        res.closeHandler(ignored -> out.reset());
        if (hasBody(in)) {
            String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            } else {
                out.setChunked(true);
            }
            if (in.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
                res.writeContinue();
            }
            in.pipe().endOnFailure(false).to(out).onFailure(e -> out.reset(0, e));
        } else {
            out.end();
            in.resume();
        }
        out.response().onComplete(answered -> {
            if (answered.failed()) {
                Throwable cause = answered.cause();
                if (cause instanceof TimeoutException) {
                    LOG.warnf("%s timed out on %s %s", target.name(), out.getMethod(), out.getURI());
                    problems.send(rc, 504, "upstream-timeout", "Upstream timeout",
                            target.name() + " did not answer in time");
                } else {
                    LOG.warnf("%s failed on %s %s: %s", target.name(), out.getMethod(), out.getURI(), cause.toString());
                    problems.send(rc, 502, "bad-gateway", "Bad gateway",
                            target.name() + " failed before answering");
                }
                return;
            }
            relay(rc, target, out, answered.result());
        });
    }

    private void relay(RoutingContext rc, UpstreamClient.Target target, HttpClientRequest out, HttpClientResponse answer) {
        HttpServerResponse res = rc.response();
        if (res.closed() || res.headWritten()) {
            out.reset();
            return;
        }
        res.setStatusCode(answer.statusCode());
        if (answer.statusMessage() != null) {
            res.setStatusMessage(answer.statusMessage());
        }
        Set<String> connectionListed = connectionListed(answer.headers());
        for (String name : answer.headers().names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !connectionListed.contains(lower)) {
                res.headers().set(name, answer.headers().getAll(name));
            }
        }
        if (!answer.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(rc.request().method(), answer.statusCode())) {
            res.setChunked(true);
        }
        answer.pipe().endOnFailure(false).to(res).onFailure(e -> {
            // Headers are gone already: the only honest signal left is to cut the connection.
            LOG.warnf("%s answer to %s %s broke off: %s", target.name(), out.getMethod(), out.getURI(), e.toString());
            out.reset();
            res.reset();
        });
    }

    static MultiMap requestHeaders(HttpServerRequest in) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Set<String> connectionListed = connectionListed(in.headers());
        for (Map.Entry<String, String> header : in.headers()) {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !connectionListed.contains(lower)) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        SocketAddress peer = in.remoteAddress();
        if (peer != null && peer.host() != null) {
            String prior = in.getHeader(X_FORWARDED_FOR);
            headers.set(X_FORWARDED_FOR, prior == null || prior.isBlank() ? peer.host() : prior + ", " + peer.host());
        }
        headers.set(X_FORWARDED_PROTO, in.scheme() == null ? "http" : in.scheme());
        String host = in.getHeader(HttpHeaders.HOST);
        if (host == null && in.authority() != null) {
            host = in.authority().toString();
        }
        if (host != null) {
            headers.set(X_FORWARDED_HOST, host);
        }
        return headers;
    }

    private static Set<String> connectionListed(MultiMap headers) {
        Set<String> listed = new HashSet<>();
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    listed.add(name);
                }
            }
        }
        return listed;
    }

    private static boolean hasBody(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        if (in.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return true;
        }
        // HTTP/2 frames a body without either header.
        return in.version() == HttpVersion.HTTP_2 && !in.isEnded();
    }

    private static boolean mayHaveBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }
}
