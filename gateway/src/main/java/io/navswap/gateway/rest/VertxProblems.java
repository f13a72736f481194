package io.navswap.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.shared.http.RequestIds;
import io.navswap.shared.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * problem+json answers for the parts of the gateway that run below the REST layer (edge filter, reverse
 * proxy), in exactly the shape the shared exception mappers produce.
 */
@Singleton
public class VertxProblems {
    private final ObjectMapper mapper;

    VertxProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void send(RoutingContext rc, int status, String slug, String title, String detail) {
        send(rc, status, slug, title, detail, Map.of());
    }

    public void send(RoutingContext rc, int status, String slug, String title, String detail,
            Map<String, String> headers) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed() || response.headWritten()) {
            return;
        }
        Problem problem = new Problem(Problem.typeUri(slug), title, status, detail, rc.normalizedPath(),
                rc.get(RequestIds.MDC_KEY), List.of());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            rc.fail(e);
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(body);
    }
}
