package io.navswap.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.gateway.client.UpstreamClient;
import io.navswap.gateway.config.GatewayConfig;
import io.navswap.gateway.domain.Upstream;
import io.navswap.shared.http.RequestIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The calls the admin dashboards make to the services, on the admin's behalf (their {@code Authorization} and
 * {@code X-Request-Id} are forwarded, so each service applies its own role checks and logs the same request
 * id). Every call has the dashboard budget; it never fails: a refusal, an error status, a timeout or an
 * unreadable answer becomes a {@link DashboardPart.Missing} saying why.
 */
@ApplicationScoped
public class DashboardCalls {
    private static final Logger LOG = Logger.getLogger(DashboardCalls.class);

    /** Who the dashboard is composed for: the headers forwarded to every service. */
    public record Caller(String authorization, String requestId) {
    }

    private final UpstreamClient client;
    private final ObjectMapper mapper;
    private final Duration timeout;

    DashboardCalls(UpstreamClient client, ObjectMapper mapper, GatewayConfig config) {
        this.client = client;
        this.mapper = mapper;
        this.timeout = config.dashboards().timeout();
    }

    public Duration timeout() {
        return timeout;
    }

    /** {@code GET pathAndQuery} (a path, optionally with {@code ?query}). */
    public Uni<DashboardPart> get(Upstream upstream, String pathAndQuery, Caller caller) {
        return call(upstream, HttpMethod.GET, pathAndQuery, null, caller);
    }

    /** {@code POST path} with a JSON body. */
    public Uni<DashboardPart> post(Upstream upstream, String path, JsonNode body, Caller caller) {
        return call(upstream, HttpMethod.POST, path, body, caller);
    }

    private Uni<DashboardPart> call(Upstream upstream, HttpMethod method, String pathAndQuery, JsonNode body,
            Caller caller) {
        UpstreamClient.Target target = client.target(upstream);
        int q = pathAndQuery.indexOf('?');
        String uri = q < 0 ? target.uri(pathAndQuery, null)
                : target.uri(pathAndQuery.substring(0, q), pathAndQuery.substring(q + 1));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.ACCEPT, "application/json");
        if (caller.authorization() != null) {
            headers.add(HttpHeaders.AUTHORIZATION, caller.authorization());
        }
        if (caller.requestId() != null) {
            headers.add(RequestIds.HEADER, caller.requestId());
        }
        Buffer payload = null;
        if (body != null) {
            headers.add(HttpHeaders.CONTENT_TYPE, "application/json");
            try {
                payload = Buffer.buffer(mapper.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot write a dashboard request body", e);
            }
        }
        String source = upstream.serviceName();
        return client.exchange(target, method, uri, headers, payload, timeout)
                .map(fetched -> answer(source, pathAndQuery, fetched))
                .onFailure().recoverWithItem(failure -> {
                    String reason = failure instanceof TimeoutException
                            ? "no answer within " + timeout.toMillis() + " ms" : "not reachable";
                    LOG.debugf("Dashboard part %s %s from %s: %s (%s)", method, pathAndQuery, source, reason, failure);
                    return new DashboardPart.Missing(source, reason);
                });
    }

    private DashboardPart answer(String source, String pathAndQuery, UpstreamClient.Fetched fetched) {
        if (fetched.status() != 200) {
            LOG.debugf("Dashboard part %s from %s: HTTP %d", pathAndQuery, source, fetched.status());
            return new DashboardPart.Missing(source, "answered HTTP " + fetched.status());
        }
        try {
            return new DashboardPart.Answered(source, mapper.readTree(fetched.body().getBytes()));
        } catch (IOException e) {
            return new DashboardPart.Missing(source, "answered something that is not JSON");
        }
    }
}
