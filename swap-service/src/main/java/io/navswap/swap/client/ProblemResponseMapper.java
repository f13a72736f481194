package io.navswap.swap.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.shared.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Reads another NavSwap service's problem+json answer: a 4xx becomes an {@link UpstreamProblem} with the same
 * problem type, a 5xx an {@link UpstreamUnavailable}.
 */
public class ProblemResponseMapper implements ResponseExceptionMapper<RuntimeException> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new UpstreamUnavailable("Answered HTTP " + status);
        }
        String slug = "upstream-" + status;
        String title = "HTTP " + status;
        String detail = "The service answered HTTP " + status;
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (body != null && !body.isBlank()) {
                JsonNode problem = JSON.readTree(body);
                String type = problem.path("type").asText("");
                if (type.startsWith(Problem.TYPE_BASE)) {
                    slug = type.substring(Problem.TYPE_BASE.length());
                }
                title = problem.path("title").asText(title);
                detail = problem.path("detail").asText(detail);
            }
        } catch (IOException | RuntimeException e) {
            // Not a problem document: keep the generic description of the status.
        }
        return new UpstreamProblem(status, slug, title, detail);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
