package io.navswap.shared.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.shared.problem.Problem;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Paths no resource serves fall through the REST layer to Vert.x; this last route answers them with a
 * 404 problem instead of an empty body.
 */
@Singleton
public class NotFoundRoute {
    private final ObjectMapper mapper;

    NotFoundRoute(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().last().handler(rc -> {
            String path = rc.normalizedPath();
            Problem problem = new Problem(Problem.typeUri("not-found"), "Not Found", 404,
                    "No resource at " + path, path, rc.get(RequestIds.MDC_KEY), List.of());
            try {
                rc.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(mapper.writeValueAsString(problem));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                rc.fail(e);
            }
        });
    }
}
