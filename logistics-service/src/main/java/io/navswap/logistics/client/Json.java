package io.navswap.logistics.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient reading of other services' answers: the first of several accepted field names wins, lists may be
 * bare or wrapped. A missing required part raises {@link IllegalStateException}, which the callers' fault
 * tolerance treats as a failed call.
 */
final class Json {
    private Json() {
    }

    static JsonNode field(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    static String text(JsonNode node, String... names) {
        JsonNode value = field(node, names);
        return value == null ? null : value.asText();
    }

    static Integer integer(JsonNode node, String... names) {
        JsonNode value = field(node, names);
        return value != null && value.isNumber() ? Integer.valueOf(value.asInt()) : null;
    }

    static Double number(JsonNode node, String... names) {
        JsonNode value = field(node, names);
        return value != null && value.isNumber() ? Double.valueOf(value.asDouble()) : null;
    }

    static Boolean bool(JsonNode node, String... names) {
        JsonNode value = field(node, names);
        return value != null && value.isBoolean() ? Boolean.valueOf(value.asBoolean()) : null;
    }

    /** The array itself, or the first array found under one of {@code wrappers}. */
    static List<JsonNode> list(JsonNode node, String... wrappers) {
        JsonNode array = node == null ? null : node.isArray() ? node : field(node, wrappers);
        if (array == null || !array.isArray()) {
            throw new IllegalStateException("expected a list" + (wrappers.length > 0 ? " under " + String.join("|", wrappers) : ""));
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static String required(JsonNode node, String what, String... names) {
        String value = text(node, names);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing " + what);
        }
        return value;
    }
}
