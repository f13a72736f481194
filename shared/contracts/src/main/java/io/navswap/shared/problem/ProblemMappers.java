package io.navswap.shared.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem+json. Bad input is always a 4xx with a message a client
 * can act on; only a real defect becomes a 500, and then without internals in the body.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.status(), e.slug(), e.title(), e.getMessage(), path(uri));
    }

    @ServerExceptionMapper(value = { ResteasyReactiveViolationException.class, ConstraintViolationException.class },
            priority = 1)
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return ProblemResponses.of(400, "validation-failed", "Validation failed", detail, path(uri), errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ValidationException e, UriInfo uri) {
        LOG.error("Validation could not run", e);
        return ProblemResponses.of(500, "internal-error", "Internal error", "Validation could not run", path(uri));
    }

    /** Listed one by one because Quarkus REST ships more specific mappers for these that answer without a problem body. */
    @ServerExceptionMapper(value = { JsonProcessingException.class, JsonParseException.class,
            MismatchedInputException.class }, priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return notAuthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return notAuthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return notAuthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(403, "forbidden", "Forbidden",
                "Your role does not allow this operation", path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String slug = title.toLowerCase().replace(' ', '-');
        String detail = status == 404 ? "No resource at " + path(uri) : safeMessage(e, title);
        return ProblemResponses.of(status, slug, title, detail, path(uri));
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("Unhandled failure", e);
        return ProblemResponses.of(500, "internal-error", "Internal error",
                "The request could not be completed; quote the request id when reporting it", path(uri));
    }

    private static Response malformed(JsonProcessingException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            errors.add(new FieldError(field, "has the wrong type or format"));
        }
        String where = e.getLocation() != null
                ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                : "";
        return ProblemResponses.of(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON for this operation" + where, path(uri), errors);
    }

    private static Response notAuthenticated(UriInfo uri) {
        Response problem = ProblemResponses.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required", path(uri));
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** Method-parameter paths look like {@code confirm.request.stationId}; clients want {@code station_id}. */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getName() != null) {
                names.add(node.getName());
            }
        }
        if (names.size() > 1 && violation.getPropertyPath().iterator().next().getKind() == ElementKind.METHOD) {
            names = names.subList(1, names.size());
        }
        return names.stream().map(ProblemMappers::snakeCase).collect(Collectors.joining("."));
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static String safeMessage(WebApplicationException e, String fallback) {
        String message = e.getMessage();
        return message == null || message.isBlank() || message.startsWith("HTTP ") ? fallback : message;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
