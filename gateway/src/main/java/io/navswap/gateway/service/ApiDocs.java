package io.navswap.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.navswap.gateway.client.UpstreamClient;
import io.navswap.gateway.config.GatewayConfig;
import io.navswap.gateway.domain.Upstream;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The API documentation of the whole suite: each service's own OpenAPI document, and one merged
 * document of everything a client can call through the gateway. Documents are fetched live (a
 * service that is down is named, not silently left out).
 */
@ApplicationScoped
public class ApiDocs {
    private static final Logger LOG = Logger.getLogger(ApiDocs.class);
    public static final String GATEWAY = "gateway";
    public static final String UNAVAILABLE_EXTENSION = "x-navswap-unavailable";
    public static final String SERVICES_EXTENSION = "x-navswap-services";
    public static final String SERVICE_EXTENSION = "x-navswap-service";
    private static final String DOCUMENT_PATH = "/q/openapi";
    private static final String REF_PREFIX = "#/components/";

    private final UpstreamClient client;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final long cacheNanos;
    /** The last merged document (or the fetch in flight), shared by the requests that arrive meanwhile. */
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    ApiDocs(UpstreamClient client, ObjectMapper mapper, GatewayConfig config) {
        this.client = client;
        this.mapper = mapper;
        this.timeout = config.docs().timeout();
        this.cacheNanos = config.docs().cacheTtl().toNanos();
    }

    private record Cached(long createdAt, Uni<ObjectNode> document) {
    }

    /** One service's document, or why it could not be had. */
    public record ServiceDocument(String service, ObjectNode document, String unavailableReason) {
        public boolean available() {
            return document != null;
        }
    }

    /** Names a client may ask for: {@code gateway} and the six services. */
    public static List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        names.add(GATEWAY);
        for (Upstream upstream : Upstream.values()) {
            names.add(upstream.serviceName());
        }
        return names;
    }

    /** @param self where this gateway itself listens (its own document is read over loopback HTTP) */
    public Uni<ServiceDocument> document(String service, UpstreamClient.Target self) {
        if (GATEWAY.equals(service)) {
            return fetch(self);
        }
        Upstream upstream = Upstream.byServiceName(service)
                .orElseThrow(() -> new IllegalArgumentException("Unknown service " + service));
        return fetch(client.target(upstream));
    }

    /**
     * The merged document, reused for {@code cache-ttl}: the docs endpoints are public and unthrottled,
     * and one merge costs seven HTTP calls, so repeated requests must not multiply into service load.
     */
    public Uni<ObjectNode> merged(UpstreamClient.Target self) {
        long now = System.nanoTime();
        Cached current = cache.get();
        if (current != null && now - current.createdAt() < cacheNanos) {
            return current.document();
        }
        Cached fresh = new Cached(now, fetchAndMerge(self).memoize().indefinitely());
        return cache.compareAndSet(current, fresh) ? fresh.document() : cache.get().document();
    }

    private Uni<ObjectNode> fetchAndMerge(UpstreamClient.Target self) {
        List<Uni<ServiceDocument>> fetches = new ArrayList<>();
        for (String name : serviceNames()) {
            fetches.add(document(name, self));
        }
        return Uni.join().all(fetches).andFailFast().map(this::merge);
    }

    ObjectNode merge(List<ServiceDocument> documents) {
        ObjectNode merged = mapper.createObjectNode();
        ServiceDocument gateway = documents.get(0);
        merged.put("openapi", gateway.available() ? gateway.document().path("openapi").asText("3.1.0") : "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "NavSwap API");
        info.put("version", gateway.available() ? gateway.document().path("info").path("version").asText("1.0.0") : "1.0.0");
        info.put("description", "Every public endpoint of NavSwap, as reached through the gateway. "
                + "Sign in with POST /auth/login and send the token as 'Authorization: Bearer ...'. "
                + "Each path names its service in " + SERVICE_EXTENSION + ".");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = mapper.createObjectNode();
        ArrayNode tags = mapper.createArrayNode();
        ObjectNode services = mapper.createObjectNode();
        ArrayNode unavailable = mapper.createArrayNode();

        for (ServiceDocument doc : documents) {
            ObjectNode status = services.putObject(doc.service());
            status.put("document", "/docs/openapi/" + doc.service());
            if (!doc.available()) {
                status.put("status", "UNAVAILABLE");
                status.put("reason", doc.unavailableReason());
                unavailable.add(doc.service());
                continue;
            }
            Predicate<String> routed = GATEWAY.equals(doc.service()) ? path -> Upstream.forPath(path).isEmpty()
                    : path -> Upstream.byServiceName(doc.service()).map(u -> u.owns(path)).orElse(false);
            status.put("status", "UP");
            status.put("paths", add(doc, routed, paths, components, tags));
        }
        if (!components.isEmpty()) {
            merged.set("components", components);
        }
        if (!tags.isEmpty()) {
            merged.set("tags", tags);
        }
        merged.set(SERVICES_EXTENSION, services);
        merged.set(UNAVAILABLE_EXTENSION, unavailable);
        return merged;
    }

    /** Adds one document's routed paths and their components; answers how many paths it added. */
    private int add(ServiceDocument doc, Predicate<String> routed, ObjectNode paths, ObjectNode components,
            ArrayNode tags) {
        ObjectNode source = doc.document().deepCopy();
        // Same name, different meaning in two services: keep both, the later one qualified by its service.
        Map<String, String> renamedRefs = new HashMap<>();
        Map<String, String> renamedNames = new HashMap<>();
        source.path("components").properties().forEach(section -> section.getValue().properties()
                .forEach(entry -> {
                    JsonNode existing = components.path(section.getKey()).get(entry.getKey());
                    if (existing != null && !existing.equals(entry.getValue())) {
                        String qualified = doc.service() + "." + entry.getKey();
                        renamedNames.put(section.getKey() + "/" + entry.getKey(), qualified);
                        renamedRefs.put(REF_PREFIX + section.getKey() + "/" + entry.getKey(),
                                REF_PREFIX + section.getKey() + "/" + qualified);
                    }
                }));
        if (!renamedRefs.isEmpty()) {
            rewriteRefs(source, renamedRefs);
        }
        source.path("components").properties().forEach(section -> {
            ObjectNode target = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
                    : components.putObject(section.getKey());
            section.getValue().properties().forEach(entry -> {
                String name = renamedNames.getOrDefault(section.getKey() + "/" + entry.getKey(), entry.getKey());
                if (!target.has(name)) {
                    target.set(name, entry.getValue());
                }
            });
        });
        int added = 0;
        for (Map.Entry<String, JsonNode> path : source.path("paths").properties()) {
            if (!routed.test(path.getKey())) {
                continue;
            }
            if (paths.has(path.getKey())) {
                LOG.warnf("Path %s is documented by two services; keeping the first", path.getKey());
                continue;
            }
            ObjectNode item = path.getValue().deepCopy();
            item.put(SERVICE_EXTENSION, doc.service());
            paths.set(path.getKey(), item);
            added++;
        }
        Set<String> known = new HashSet<>();
        tags.forEach(tag -> known.add(tag.path("name").asText()));
        source.path("tags").forEach(tag -> {
            if (known.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        });
        return added;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renamed.containsKey(ref.asText())) {
                object.put("$ref", renamed.get(ref.asText()));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        }
    }

    private Uni<ServiceDocument> fetch(UpstreamClient.Target target) {
        return client.fetch(target, target.uri(DOCUMENT_PATH, "format=json"), timeout)
                .map(fetched -> {
                    if (fetched.status() != 200) {
                        return new ServiceDocument(target.name(), null, "answered HTTP " + fetched.status());
                    }
                    try {
                        JsonNode parsed = mapper.readTree(fetched.body().getBytes());
                        if (!parsed.isObject()) {
                            return new ServiceDocument(target.name(), null, "answered a document that is not an object");
                        }
                        return new ServiceDocument(target.name(), (ObjectNode) parsed, null);
                    } catch (IOException e) {
                        return new ServiceDocument(target.name(), null, "answered a document that is not JSON");
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("No API document from %s: %s", target.name(), e.toString());
                    return new ServiceDocument(target.name(), null, "not reachable");
                });
    }
}
