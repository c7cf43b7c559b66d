package io.atrium.platform.form.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One form-js component being read, remembering which of its properties were looked at, so that
 * whatever nobody took can be listed rather than dropped.
 */
final class FormJsComponent {

    /** Values form-js writes by default that mean what Atrium does anyway. */
    private static final Map<String, Object> HARMLESS = Map.of(
            "timeInterval", 15,
            "timeSerializingFormat", "utc_offset");

    private final JsonNode node;
    private final Set<String> seen = new HashSet<>();

    FormJsComponent(JsonNode node) {
        this.node = node;
    }

    String type() {
        return text("type");
    }

    /** The property at a dotted path, marked as taken; a missing node when it is not there. */
    JsonNode get(String path) {
        seen.add(path);
        JsonNode at = node;
        for (String part : path.split("\\.")) {
            at = at.path(part);
        }
        return at;
    }

    /** A text property, empty when missing or not a text. */
    String text(String path) {
        JsonNode value = get(path);
        return value.isString() ? value.asString() : "";
    }

    boolean flag(String path) {
        return get(path).asBoolean(false);
    }

    /** Whether the property is there and says something (not null, false or empty). */
    boolean has(String path) {
        JsonNode value = get(path);
        return !(value.isMissingNode() || value.isNull() || value.isBoolean() && !value.asBoolean()
                || value.isString() && value.asString().isEmpty() || value.isContainer() && value.isEmpty());
    }

    /** The properties nobody took that say something, as path and value in the schema's words. */
    List<Map.Entry<String, String>> leftovers() {
        var out = new ArrayList<Map.Entry<String, String>>();
        collect(node, "", out);
        return out;
    }

    private void collect(JsonNode at, String prefix, List<Map.Entry<String, String>> out) {
        for (var entry : at.properties()) {
            String path = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (seen.contains(path) || value.isNull() || value.isBoolean() && !value.asBoolean()
                    || value.isString() && value.asString().isEmpty() || value.isContainer() && value.isEmpty()
                    || harmless(path, value)) {
                continue;
            }
            if (value.isObject()) {
                collect(value, path + ".", out);
            } else {
                out.add(Map.entry(path, NotCarried.quote(value.toString())));
            }
        }
    }

    private static boolean harmless(String path, JsonNode value) {
        Object usual = HARMLESS.get(path);
        return usual instanceof Integer n ? value.isNumber() && value.asInt() == n
                : usual != null && usual.equals(value.asString(null));
    }
}
