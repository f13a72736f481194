package io.navswap.shared.problem;

import io.navswap.shared.http.RequestIds;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds {@code application/problem+json} responses so every service answers errors the same way. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String slug, String title, String detail, String instance) {
        return of(status, slug, title, detail, instance, List.of());
    }

    public static Response of(int status, String slug, String title, String detail, String instance,
            List<FieldError> errors) {
        Problem problem = new Problem(Problem.typeUri(slug), title, status, detail, instance,
                RequestIds.current(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
