package io.atrium.runtime.api.internal;

import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of request bodies. Jackson's lenient {@code asString()}/{@code asBoolean()} either
 * coerce what the caller did not mean or throw an unchecked error deep in a controller; these
 * refuse a value of the wrong JSON type with a 400 that names the property and the type expected.
 */
final class JsonInput {

    /** The longest single-line text (a name, a code) the API reads unless a property says otherwise. */
    static final int NAME_MAX = 200;

    private JsonInput() {
    }

    /** The body itself, which must be a JSON object. */
    static JsonNode object(JsonNode body, String path) {
        if (body == null || !body.isObject()) {
            throw invalid(path, "type", MessageKey.JSON_OBJECT_EXPECTED);
        }
        return body;
    }

    /** A text property, or {@code fallback} when it is absent or null. */
    static String text(JsonNode node, String key, String path, int maxLength, String fallback) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isString()) {
            throw invalid(path, "type", MessageKey.TEXT_EXPECTED);
        }
        String text = value.asString();
        if (text.length() > maxLength) {
            throw invalid(path, "maxLength", MessageKey.TEXT_MAX_LENGTH, maxLength);
        }
        return text;
    }

    /** A yes/no property, or {@code fallback} when it is absent or null. */
    static boolean flag(JsonNode node, String key, String path, boolean fallback) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw invalid(path, "type", MessageKey.BOOLEAN_EXPECTED);
        }
        return value.asBoolean();
    }

    /** A whole number between {@code min} and {@code max}, or {@code fallback} when absent or null. */
    static int integer(JsonNode node, String key, String path, int min, int max, int fallback) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw invalid(path, "range", MessageKey.WHOLE_NUMBER_RANGE, min, max);
        }
        return value.asInt();
    }

    /** A list property (absent or null reads as null). */
    static JsonNode list(JsonNode node, String key, String path) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw invalid(path, "type", MessageKey.LIST_EXPECTED);
        }
        return value;
    }

    /** An element of a list that must be text. */
    static String element(JsonNode value, String path, int maxLength) {
        if (value == null || !value.isString()) {
            throw invalid(path, "type", MessageKey.TEXT_EXPECTED);
        }
        if (value.asString().length() > maxLength) {
            throw invalid(path, "maxLength", MessageKey.TEXT_MAX_LENGTH, maxLength);
        }
        return value.asString();
    }

    static ValidationException invalid(String path, String code, MessageKey message, Object... arguments) {
        return new ValidationException(List.of(FieldError.of(path, code, message, arguments)));
    }
}
