package io.navswap.logistics.rest;

import io.navswap.shared.problem.FieldError;
import io.navswap.shared.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bad input found by a check that bean validation cannot express (a limit from configuration, an enum in a
 * query string); answered exactly like a bean-validation failure: 400 {@code validation-failed} with the field.
 */
public class FieldProblem extends RuntimeException {
    private final FieldError error;

    public FieldProblem(String field, String message) {
        super(field + " " + message);
        this.error = new FieldError(field, message);
    }

    public static class Mapper {
        @ServerExceptionMapper
        public Response map(FieldProblem e, UriInfo uri) {
            return ProblemResponses.of(400, "validation-failed", "Validation failed", e.getMessage(),
                    uri == null ? null : uri.getPath(), List.of(e.error));
        }
    }
}
