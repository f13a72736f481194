package io.navswap.station.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Tolerant reading of other services' answers: the first of several accepted field names, so that a renamed or
 * wrapped field in a neighbour's answer is read rather than silently turned into "unknown".
 */
final class JsonFields {
    private JsonFields() {
    }

    static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull() && value.isValueNode()) {
                return value.asText();
            }
        }
        return null;
    }

    /** {@code node} itself when it is an array, else its first array field among {@code names}, else any array field. */
    static JsonNode array(JsonNode node, String... names) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return node;
        }
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isArray()) {
                return value;
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isArray()) {
                return field.getValue();
            }
        }
        return null;
    }
}
