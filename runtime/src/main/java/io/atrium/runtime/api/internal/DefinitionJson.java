package io.atrium.runtime.api.internal;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldDefinition.ChoiceOption;
import io.atrium.platform.app.FieldDefinition.StatusModel;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.app.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of app definitions in the API, read strictly: an unknown property or a wrong
 * type is reported with its path, never ignored.
 */
final class DefinitionJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> APP_KEYS = Set.of("namespace", "code", "name", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("code", "type", "name", "required", "unique", "indexed",
            "readOnly", "default", "multiple", "options", "target", "states", "initial", "transitions", "columns",
            "maxLength");

    private DefinitionJson() {
    }

    static AppDefinition read(JsonNode body, AppRef expected) {
        var errors = new ArrayList<FieldError>();
        if (body == null || !body.isObject()) {
            throw invalid("", MessageKey.JSON_OBJECT_EXPECTED);
        }
        unknownKeys(body, APP_KEYS, "", errors);
        String namespace = text(body, "namespace", expected == null ? null : expected.namespace());
        String code = text(body, "code", expected == null ? null : expected.code());
        AppRef ref;
        try {
            ref = new AppRef(namespace, code);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError("namespace", "invalid", e.getMessage())));
        }
        if (expected != null && !expected.equals(ref)) {
            throw invalid("code", MessageKey.PATH_MISMATCH, ref.toString(), expected.toString());
        }
        var fields = fields(body.get("fields"), "fields", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AppDefinition(ref, localized(body.get("name"), "name", errors), fields);
    }

    private static List<FieldDefinition> fields(JsonNode node, String path, List<FieldError> errors) {
        var fields = new ArrayList<FieldDefinition>();
        if (node == null || node.isNull()) {
            return fields;
        }
        if (!node.isArray()) {
            errors.add(FieldError.of(path, "type", MessageKey.FIELDS_LIST_EXPECTED));
            return fields;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode f = node.get(i);
            String at = path + "[" + i + "]";
            if (!f.isObject()) {
                errors.add(FieldError.of(at, "type", MessageKey.FIELD_OBJECT_EXPECTED));
                continue;
            }
            unknownKeys(f, FIELD_KEYS, at + ".", errors);
            FieldType type = type(f.get("type"), at + ".type", errors);
            Object defaultValue = f.has("default") ? JSON.treeToValue(f.get("default"), Object.class) : null;
            AppRef target = null;
            if (f.hasNonNull("target")) {
                try {
                    target = AppRef.parse(f.get("target").asString());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(at + ".target", "format", e.getMessage()));
                }
            }
            StatusModel status = null;
            if (type == FieldType.STATUS) {
                status = new StatusModel(options(f.get("states"), at + ".states", errors),
                        f.hasNonNull("initial") ? f.get("initial").asString() : null, transitions(f.get("transitions")));
            }
            fields.add(new FieldDefinition(f.hasNonNull("code") ? f.get("code").asString() : null, type,
                    f.has("name") ? localized(f.get("name"), at + ".name", errors) : null, flag(f, "required"),
                    flag(f, "unique"), flag(f, "indexed"), flag(f, "readOnly"), defaultValue, flag(f, "multiple"),
                    type == FieldType.CHOICE ? options(f.get("options"), at + ".options", errors) : null, target,
                    status, type == FieldType.TABLE ? fields(f.get("columns"), at + ".columns", errors) : null,
                    f.hasNonNull("maxLength") ? f.get("maxLength").asInt() : null));
        }
        return fields;
    }

    static ObjectNode write(AppDefinition app) {
        var node = JSON.createObjectNode();
        node.put("namespace", app.ref().namespace()).put("code", app.ref().code());
        node.set("name", JSON.valueToTree(Map.of("en", app.name().en(), "ru", app.name().ru())));
        var fields = node.putArray("fields");
        app.fields().forEach(f -> fields.add(writeField(f)));
        return node;
    }

    private static ObjectNode writeField(FieldDefinition f) {
        var out = new LinkedHashMap<String, Object>();
        out.put("code", f.code());
        out.put("type", typeName(f.type()));
        out.put("name", Map.of("en", f.name().en(), "ru", f.name().ru()));
        for (var flag : Map.of("required", f.required(), "unique", f.unique(), "indexed", f.indexed(),
                "readOnly", f.readOnly(), "multiple", f.multiple()).entrySet()) {
            if (flag.getValue()) {
                out.put(flag.getKey(), true);
            }
        }
        if (f.defaultValue() != null) {
            out.put("default", f.defaultValue());
        }
        if (f.type() == FieldType.CHOICE) {
            out.put("options", f.options().stream().map(DefinitionJson::option).toList());
        }
        if (f.target() != null) {
            out.put("target", f.target().toString());
        }
        if (f.status() != null) {
            out.put("states", f.status().states().stream().map(DefinitionJson::option).toList());
            out.put("initial", f.status().initial());
            out.put("transitions", f.status().transitions());
        }
        if (f.maxLength() != null) {
            out.put("maxLength", f.maxLength());
        }
        ObjectNode node = JSON.valueToTree(out);
        if (f.type() == FieldType.TABLE) {
            var columns = node.putArray("columns");
            f.columns().forEach(c -> columns.add(writeField(c)));
        }
        return node;
    }

    private static Map<String, Object> option(ChoiceOption o) {
        return Map.of("code", o.code(), "name", Map.of("en", o.name().en(), "ru", o.name().ru()));
    }

    static String typeName(FieldType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static FieldType type(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || !node.isString()) {
            errors.add(FieldError.of(path, "required", MessageKey.FIELD_TYPE_REQUIRED));
            return null;
        }
        String name = node.asString().strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.equals("YES_NO")) {
            return FieldType.BOOLEAN;
        }
        try {
            return FieldType.valueOf(name);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(path, "type", MessageKey.FIELD_TYPE_UNKNOWN, node.asString(), String.join(", ",
                    java.util.Arrays.stream(FieldType.values()).map(DefinitionJson::typeName).toList())));
            return null;
        }
    }

    private static List<ChoiceOption> options(JsonNode node, String path, List<FieldError> errors) {
        var options = new ArrayList<ChoiceOption>();
        if (node == null || node.isNull()) {
            return options;
        }
        if (!node.isArray()) {
            errors.add(FieldError.of(path, "type", MessageKey.VALUE_LIST_EXPECTED));
            return options;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode o = node.get(i);
            if (o.isString()) {
                options.add(new ChoiceOption(o.asString(), LocalizedText.of(o.asString())));
            } else if (o.isObject() && o.hasNonNull("code")) {
                options.add(new ChoiceOption(o.get("code").asString(),
                        o.has("name") ? localized(o.get("name"), path + "[" + i + "].name", errors)
                                : LocalizedText.of(o.get("code").asString())));
            } else {
                errors.add(FieldError.of(path + "[" + i + "]", "type", MessageKey.OPTION_EXPECTED));
            }
        }
        return options;
    }

    private static Map<String, List<String>> transitions(JsonNode node) {
        var map = new LinkedHashMap<String, List<String>>();
        if (node != null && node.isObject()) {
            for (var entry : node.properties()) {
                var targets = new ArrayList<String>();
                entry.getValue().forEach(t -> targets.add(t.asString()));
                map.put(entry.getKey(), targets);
            }
        }
        return map;
    }

    private static LocalizedText localized(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return LocalizedText.of(node.asString());
        }
        if (node.isObject()) {
            unknownKeys(node, Set.of("en", "ru"), path + ".", errors);
            return new LocalizedText(node.hasNonNull("en") ? node.get("en").asString() : "",
                    node.hasNonNull("ru") ? node.get("ru").asString() : "");
        }
        errors.add(FieldError.of(path, "type", MessageKey.NAME_FORMAT));
        return null;
    }

    private static boolean flag(JsonNode node, String key) {
        return node.hasNonNull(key) && node.get(key).asBoolean();
    }

    private static String text(JsonNode node, String key, String fallback) {
        return node.hasNonNull(key) ? node.get(key).asString() : fallback;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, List<FieldError> errors) {
        for (String key : node.propertyNames()) {
            if (!known.contains(key)) {
                errors.add(FieldError.of(prefix + key, "unknown", MessageKey.PROPERTY_UNKNOWN, key));
            }
        }
    }

    private static ValidationException invalid(String field, MessageKey message, Object... arguments) {
        return new ValidationException(List.of(FieldError.of(field, "invalid", message, arguments)));
    }
}
