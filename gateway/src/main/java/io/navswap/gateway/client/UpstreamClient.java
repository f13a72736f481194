package io.navswap.gateway.client;

import io.navswap.gateway.config.GatewayConfig;
import io.navswap.gateway.domain.Upstream;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one pooled, non-blocking HTTP client the gateway uses to reach the six services: for proxied
 * requests (streamed) and for its own small calls (health, API documents). Each service gets its own
 * connection pool (Vert.x pools per host and port).
 */
@Startup
@Singleton
public class UpstreamClient {
    private final HttpClient http;
    private final Map<Upstream, Target> targets = new EnumMap<>(Upstream.class);
    private final GatewayConfig.Proxy config;

    /** Where a service listens; {@code basePath} is prepended to every forwarded path (usually empty). */
    public record Target(String name, String host, int port, boolean ssl, String basePath) {
        public String uri(String path, String query) {
            return basePath + path + (query == null || query.isEmpty() ? "" : "?" + query);
        }
    }

    /** A small, fully read answer (documents, health). */
    public record Fetched(int status, Buffer body) {
    }

    UpstreamClient(Vertx vertx, GatewayConfig config) {
        this.config = config.proxy();
        for (Upstream upstream : Upstream.values()) {
            String url = config.services().get(upstream.serviceName());
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("No URL configured for " + upstream.serviceName()
                        + " (navswap.gateway.services." + upstream.serviceName() + ")");
            }
            targets.put(upstream, parse(upstream, url.trim()));
        }
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(this.config.connectTimeout().toMillis()))
                .setKeepAlive(true)
                // Bodies pass through as the service sent them (compressed or not).
                .setDecompressionSupported(false)
                .setName("navswap-gateway-upstreams");
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(this.config.maxConnectionsPerService());
        this.http = vertx.createHttpClient(options, pool);
    }

    public Target target(Upstream upstream) {
        return targets.get(upstream);
    }

    /**
     * Opens a request to a service with the proxy timeouts: the future fails if no connection can be had
     * within the connect timeout; the response fails with a {@link java.util.concurrent.TimeoutException}
     * if the service stays silent for longer than the response timeout.
     */
    public Future<HttpClientRequest> open(Target target, HttpMethod method, String uri, MultiMap headers) {
        return http.request(options(target, method, uri, config.connectTimeout(), config.responseTimeout())
                .setHeaders(headers));
    }

    /** GET of a small resource, read fully, within {@code timeout} overall. */
    public Uni<Fetched> fetch(Target target, String uri, Duration timeout) {
        Future<Fetched> call = http.request(options(target, HttpMethod.GET, uri, timeout, timeout)
                        .putHeader(HttpHeaders.ACCEPT, "application/json"))
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> new Fetched(response.statusCode(), body)));
        return Uni.createFrom().completionStage(call.toCompletionStage())
                .ifNoItem().after(timeout).failWith(() -> new java.util.concurrent.TimeoutException(
                        target.name() + " did not answer within " + timeout.toMillis() + " ms"));
    }

    /**
     * A small exchange made on a caller's behalf (the admin dashboards): {@code headers} go as given (the
     * caller's {@code Authorization} and {@code X-Request-Id}), with an optional body; the answer is read fully,
     * all within {@code timeout}.
     */
    public Uni<Fetched> exchange(Target target, HttpMethod method, String uri, MultiMap headers, Buffer body,
            Duration timeout) {
        Future<Fetched> call = http.request(options(target, method, uri, timeout, timeout).setHeaders(headers))
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(answer -> new Fetched(response.statusCode(), answer)));
        return Uni.createFrom().completionStage(call.toCompletionStage())
                .ifNoItem().after(timeout).failWith(() -> new java.util.concurrent.TimeoutException(
                        target.name() + " did not answer within " + timeout.toMillis() + " ms"));
    }

    private static RequestOptions options(Target target, HttpMethod method, String uri, Duration connect, Duration idle) {
        return new RequestOptions()
                .setMethod(method)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.ssl())
                .setURI(uri)
                .setFollowRedirects(false)
                .setConnectTimeout(connect.toMillis())
                .setIdleTimeout(idle.toMillis());
    }

    static Target parse(Upstream upstream, String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new IllegalStateException("URL of " + upstream.serviceName() + " must be http(s)://host[:port]: " + url);
        }
        boolean ssl = "https".equals(scheme);
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String basePath = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return new Target(upstream.serviceName(), uri.getHost(), port, ssl, basePath);
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
