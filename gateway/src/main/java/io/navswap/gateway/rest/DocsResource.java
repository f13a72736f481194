package io.navswap.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.navswap.gateway.client.UpstreamClient;
import io.navswap.gateway.service.ApiDocs;
import io.navswap.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One place for the API of the whole suite: {@code /docs} (a page listing every operation, with links
 * to Swagger UI), {@code /docs/openapi.json} (the merged document) and each service's own document.
 */
@Path("/docs")
@Tag(name = "operations")
public class DocsResource {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final ApiDocs docs;

    DocsResource(ApiDocs docs) {
        this.docs = docs;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "API documentation page of every service")
    public Uni<String> page(@Context HttpServerRequest request) {
        return docs.merged(self(request)).map(DocsResource::render);
    }

    @GET
    @Path("/openapi.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One OpenAPI document of everything reachable through the gateway",
            description = "Services that could not be asked are listed under x-navswap-unavailable.")
    public Uni<ObjectNode> merged(@Context HttpServerRequest request) {
        return docs.merged(self(request));
    }

    @GET
    @Path("/openapi/{service}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI document of one service (gateway, station-service, ...)")
    public Uni<ObjectNode> service(@PathParam("service") String service, @Context HttpServerRequest request) {
        if (!ApiDocs.serviceNames().contains(service)) {
            throw new ProblemException(404, "unknown-service", "Unknown service",
                    "No service named " + service + "; known: " + String.join(", ", ApiDocs.serviceNames()));
        }
        return docs.document(service, self(request)).map(doc -> {
            if (!doc.available()) {
                throw new ProblemException(503, "service-unavailable", "Service unavailable",
                        service + " did not provide its API document: " + doc.unavailableReason());
            }
            return doc.document();
        });
    }

    /** This gateway as seen by the request: its own document is read from the address it was reached on. */
    private static UpstreamClient.Target self(HttpServerRequest request) {
        SocketAddress local = request.localAddress();
        String host = local == null || local.host() == null || local.host().equals("0.0.0.0") ? "127.0.0.1" : local.host();
        int port = local == null ? 8080 : local.port();
        return new UpstreamClient.Target(ApiDocs.GATEWAY, host, port, request.isSSL(), "");
    }

    static String render(ObjectNode merged) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>NavSwap API</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}")
                .append("table{border-collapse:collapse;width:100%;margin-bottom:2rem}")
                .append("td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}")
                .append("code{font-size:.95em}.down{color:#b00020}.up{color:#1b5e20}</style></head><body>")
                .append("<h1>NavSwap API</h1><p>Every public endpoint, reached through this gateway. ")
                .append("Machine-readable: <a href=\"/docs/openapi.json\">/docs/openapi.json</a> (all services merged). ")
                .append("Interactive: <a href=\"/q/swagger-ui/\">Swagger UI</a> (pick a service at the top right). ")
                .append("Sign in with <code>POST /auth/login</code> and send <code>Authorization: Bearer &lt;access_token&gt;</code>.</p>");
        html.append("<h2>Services</h2><table><tr><th>service</th><th>status</th><th>document</th></tr>");
        JsonNode services = merged.path(ApiDocs.SERVICES_EXTENSION);
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            JsonNode status = service.getValue();
            boolean up = "UP".equals(status.path("status").asText());
            html.append("<tr><td>").append(escape(service.getKey())).append("</td><td class=\"")
                    .append(up ? "up" : "down").append("\">")
                    .append(up ? "UP (" + status.path("paths").asInt() + " paths)" : "UNAVAILABLE: " + escape(status.path("reason").asText()))
                    .append("</td><td><a href=\"").append(escape(status.path("document").asText())).append("\">")
                    .append(escape(status.path("document").asText())).append("</a></td></tr>");
        }
        html.append("</table><h2>Operations</h2><table><tr><th>method</th><th>path</th><th>service</th><th>summary</th></tr>");
        for (Map.Entry<String, JsonNode> path : merged.path("paths").properties()) {
            String service = path.getValue().path(ApiDocs.SERVICE_EXTENSION).asText();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().properties().iterator();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                html.append("<tr><td><code>").append(operation.getKey().toUpperCase(java.util.Locale.ROOT))
                        .append("</code></td><td><code>").append(escape(path.getKey())).append("</code></td><td>")
                        .append(escape(service)).append("</td><td>")
                        .append(escape(operation.getValue().path("summary").asText(""))).append("</td></tr>");
            }
        }
        html.append("</table></body></html>");
        return html.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
