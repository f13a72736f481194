package io.navswap.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One admin dashboard under construction. Every part is an object that says where it comes from and whether
 * it could be had: {@code {"status":"ok","source":"swap-service","value":3}} or
 * {@code {"status":"unavailable","source":"swap-service","reason":"no answer within 2000 ms"}}. A missing part
 * is never replaced by a default; its service is also listed in the dashboard's {@code unavailable}.
 */
public final class DashboardSheet {
    public static final String OK = "ok";
    public static final String PARTIAL = "partial";
    public static final String UNAVAILABLE = "unavailable";

    private final ObjectMapper mapper;
    private final ObjectNode root;
    private final SortedSet<String> unavailable = new TreeSet<>();

    public DashboardSheet(ObjectMapper mapper, Instant asOf) {
        this.mapper = mapper;
        this.root = mapper.createObjectNode();
        root.put("as_of", asOf.toString());
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public ObjectNode root() {
        return root;
    }

    /** Sets {@code name} to the part made of the value at {@code pointer} in {@code part}'s answer. */
    public ObjectNode put(String name, DashboardPart part, String pointer) {
        ObjectNode built = part(part, pointer);
        root.set(name, built);
        return built;
    }

    /** The value at {@code pointer} (e.g. {@code /active_swaps}) of an answer; an absent value is unavailable too. */
    public ObjectNode part(DashboardPart part, String pointer) {
        if (part instanceof DashboardPart.Missing missing) {
            return unavailable(missing.source(), missing.reason());
        }
        JsonNode value = ((DashboardPart.Answered) part).body().at(pointer);
        if (value.isMissingNode() || value.isNull()) {
            return unavailable(part.source(), "answer has no " + pointer.substring(1).replace('/', '.'));
        }
        return ok(part.source(), value);
    }

    public ObjectNode ok(String source, JsonNode value) {
        ObjectNode node = answered(source);
        node.set("value", value);
        return node;
    }

    /** An available part without a single {@code value}: the caller adds its fields. */
    public ObjectNode answered(String source) {
        ObjectNode node = mapper.createObjectNode();
        node.put("status", OK);
        node.put("source", source);
        return node;
    }

    /** An unavailable part; its source goes into the dashboard's {@code unavailable} list. */
    public ObjectNode unavailable(String source, String reason) {
        unavailable.add(source);
        ObjectNode node = mapper.createObjectNode();
        node.put("status", UNAVAILABLE);
        node.put("source", source);
        node.put("reason", reason);
        return node;
    }

    /**
     * A part of {@code source} that could not be made because another service ({@code culprit}) is missing: the
     * culprit, not the source, goes into the {@code unavailable} list.
     */
    public ObjectNode blocked(String source, String reason, String culprit) {
        unavailable.add(culprit);
        ObjectNode node = mapper.createObjectNode();
        node.put("status", UNAVAILABLE);
        node.put("source", source);
        node.put("reason", reason);
        return node;
    }

    /** Lists {@code source} as unavailable (a part that is only partly there). */
    public void markUnavailable(String source) {
        unavailable.add(source);
    }

    /**
     * The rows of a figures answer ({@code /stations} of a stats answer) by {@code station_id}; empty for a
     * missing part. A station absent from a complete aggregate has nothing to count there.
     */
    public static Map<String, JsonNode> rowsByStation(DashboardPart part, String pointer) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        if (part instanceof DashboardPart.Answered answered) {
            JsonNode list = answered.body().at(pointer);
            if (list.isArray()) {
                list.forEach(row -> {
                    if (row.hasNonNull("station_id")) {
                        rows.put(row.get("station_id").asText(), row);
                    }
                });
            }
        }
        return rows;
    }

    /** Adds {@code complete} and the sorted {@code unavailable} list of services; answers the dashboard. */
    public ObjectNode finish() {
        root.put("complete", unavailable.isEmpty());
        ArrayNode list = root.putArray("unavailable");
        unavailable.forEach(list::add);
        return root;
    }
}
