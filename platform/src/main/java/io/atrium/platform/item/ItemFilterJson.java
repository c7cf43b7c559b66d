package io.atrium.platform.item;

import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the API's filter JSON into the typed filter model:
 * <pre>
 * {"all": [ … ]}  {"any": [ … ]}  {"text": "brown"}
 * {"field": "age", "op": "eq" | "in" | "range" | "contains" | "empty" | "notEmpty",
 *  "value": …, "values": [ … ], "from": …, "to": …}
 * </pre>
 */
public final class ItemFilterJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DEPTH = 8;
    private static final int NAME_MAX = 200;
    private static final int MAX_VALUES = 500;
    /** Longer search text is refused by the filter translation too; reading stops here first. */
    private static final int MAX_TEXT = 1_000;

    private ItemFilterJson() {
    }

    /** Reads a filter; a missing or null node is no filter. */
    public static ItemFilter read(JsonNode node) {
        return read(node, "filter", 0);
    }

    private static ItemFilter read(JsonNode node, String path, int depth) {
        if (node == null || node.isNull()) {
            return ItemFilter.NONE;
        }
        if (depth > MAX_DEPTH) {
            throw invalid(path, MessageKey.FILTER_DEPTH, MAX_DEPTH);
        }
        if (!node.isObject()) {
            throw invalid(path, MessageKey.FILTER_OBJECT_EXPECTED);
        }
        if (node.has("all") || node.has("any")) {
            String key = node.has("all") ? "all" : "any";
            JsonNode list = node.get(key);
            if (!list.isArray()) {
                throw invalid(path + "." + key, MessageKey.FILTER_LIST_EXPECTED);
            }
            if (list.size() > MAX_VALUES) {
                throw invalid(path + "." + key, MessageKey.FILTER_MAX_ITEMS, MAX_VALUES);
            }
            var parts = new ArrayList<ItemFilter>();
            for (int i = 0; i < list.size(); i++) {
                parts.add(read(list.get(i), path + "." + key + "[" + i + "]", depth + 1));
            }
            return key.equals("all") ? new ItemFilter.All(parts) : new ItemFilter.Any(parts);
        }
        if (node.has("text") && !node.has("field")) {
            return new ItemFilter.FullText(text(node, "text", path + ".text", MAX_TEXT, ""));
        }
        if (!node.hasNonNull("field")) {
            throw invalid(path, MessageKey.FILTER_KIND);
        }
        String field = text(node, "field", path + ".field", NAME_MAX, null);
        String op = text(node, "op", path + ".op", NAME_MAX, "eq");
        return switch (op) {
            case "eq" -> new ItemFilter.Equals(field, value(node, "value", path));
            case "in" -> {
                JsonNode values = node.get("values");
                if (values == null || !values.isArray()) {
                    throw invalid(path + ".values", MessageKey.VALUE_LIST_EXPECTED);
                }
                if (values.size() > MAX_VALUES) {
                    throw invalid(path + ".values", MessageKey.VALUE_MAX_ITEMS, MAX_VALUES);
                }
                yield new ItemFilter.In(field, JSON.treeToValue(values, List.class));
            }
            case "range" -> new ItemFilter.Range(field, optional(node, "from"), optional(node, "to"));
            case "contains" -> {
                value(node, "value", path);
                yield new ItemFilter.Contains(field, text(node, "value", path + ".value", MAX_TEXT, null));
            }
            case "empty" -> new ItemFilter.Empty(field, true);
            case "notEmpty" -> new ItemFilter.Empty(field, false);
            default -> throw invalid(path + ".op", MessageKey.FILTER_OPERATOR, op,
                    "eq, in, range, contains, empty, notEmpty");
        };
    }

    private static Object value(JsonNode node, String key, String path) {
        if (!node.hasNonNull(key)) {
            throw invalid(path + "." + key, MessageKey.VALUE_REQUIRED);
        }
        return JSON.treeToValue(node.get(key), Object.class);
    }

    private static Object optional(JsonNode node, String key) {
        return node.hasNonNull(key) ? JSON.treeToValue(node.get(key), Object.class) : null;
    }

    private static ValidationException invalid(String path, MessageKey message, Object... arguments) {
        return new ValidationException(List.of(FieldError.of(path, "filter", message, arguments)));
    }

    /** A text property, or {@code fallback} when it is absent or null. */
    private static String text(JsonNode node, String key, String path, int maxLength, String fallback) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isString()) {
            throw new ValidationException(List.of(FieldError.of(path, "type", MessageKey.TEXT_EXPECTED)));
        }
        String text = value.asString();
        if (text.length() > maxLength) {
            throw new ValidationException(List.of(FieldError.of(path, "maxLength", MessageKey.TEXT_MAX_LENGTH,
                    maxLength)));
        }
        return text;
    }
}
