package io.atrium.runtime.process.task.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Camunda Form (form-js schema) read for the task inbox: its components in order, groups
 * without a data path flattened into their parent. What the inbox cannot draw stays in the list
 * as {@link FormComponent.Kind#UNSUPPORTED}, so it is shown as a note instead of vanishing.
 *
 * @param id the schema's id, by which Camunda links tasks to forms
 */
public record FormSchema(String id, List<FormComponent> components) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, FormComponent.Kind> KINDS = Map.ofEntries(
            Map.entry("textfield", FormComponent.Kind.TEXTFIELD), Map.entry("textarea", FormComponent.Kind.TEXTAREA),
            Map.entry("number", FormComponent.Kind.NUMBER), Map.entry("checkbox", FormComponent.Kind.CHECKBOX),
            Map.entry("select", FormComponent.Kind.SELECT), Map.entry("radio", FormComponent.Kind.RADIO),
            Map.entry("checklist", FormComponent.Kind.CHECKLIST), Map.entry("taglist", FormComponent.Kind.TAGLIST),
            Map.entry("datetime", FormComponent.Kind.DATETIME), Map.entry("text", FormComponent.Kind.TEXT),
            Map.entry("separator", FormComponent.Kind.SEPARATOR), Map.entry("spacer", FormComponent.Kind.SEPARATOR));

    public FormSchema {
        components = List.copyOf(components);
    }

    /** The components that set variables. */
    public List<FormComponent> inputs() {
        return components.stream().filter(c -> c.kind().input()).toList();
    }

    /**
     * Reads a schema; options taken from input data ({@code valuesKey}) come from the variables.
     *
     * @throws IllegalArgumentException if the text is not a form-js schema
     */
    public static FormSchema parse(String json, Map<String, Object> variables) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The form is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("components").isArray()) {
            throw new IllegalArgumentException("A Camunda Form has a list of components");
        }
        var out = new ArrayList<FormComponent>();
        read(root.get("components"), variables, out);
        return new FormSchema(text(root, "id"), out);
    }

    private static void read(JsonNode components, Map<String, Object> variables, List<FormComponent> out) {
        for (JsonNode node : components) {
            String type = text(node, "type");
            if ("group".equals(type) && text(node, "path") == null && node.path("components").isArray()) {
                if (text(node, "label") != null) {
                    out.add(decoration(FormComponent.Kind.TEXT, type, null, text(node, "label")));
                }
                read(node.get("components"), variables, out);
                continue;
            }
            var kind = type == null ? null : KINDS.get(type.toLowerCase(Locale.ROOT));
            if (kind == null) {
                out.add(decoration(FormComponent.Kind.UNSUPPORTED, type, text(node, "label"), null));
            } else if (!kind.input()) {
                out.add(decoration(kind, type, null, text(node, "text")));
            } else if (text(node, "key") == null) {
                out.add(decoration(FormComponent.Kind.UNSUPPORTED, type, text(node, "label"), "no key"));
            } else {
                out.add(input(kind, type, node, variables));
            }
        }
    }

    private static FormComponent input(FormComponent.Kind kind, String type, JsonNode node, Map<String, Object> variables) {
        JsonNode validate = node.path("validate");
        Object fallback = node.has("defaultValue") ? JSON.convertValue(node.get("defaultValue"), Object.class) : null;
        String label = text(node, "label") != null ? text(node, "label")
                : text(node, "dateLabel") != null ? text(node, "dateLabel") : text(node, "timeLabel");
        return new FormComponent(kind, type, text(node, "key"), label, text(node, "description"), null,
                fallback, validate.path("required").asBoolean(false), number(validate, "min"), number(validate, "max"),
                whole(validate, "minLength"), whole(validate, "maxLength"), text(validate, "pattern"),
                text(validate, "validationType"), kind == FormComponent.Kind.DATETIME
                        ? subtype(node) : null, options(node, variables),
                node.path("disabled").asBoolean(false) || node.path("readonly").asBoolean(false));
    }

    private static FormComponent decoration(FormComponent.Kind kind, String type, String label, String text) {
        return new FormComponent(kind, type == null ? "?" : type, null, label, null, text, null, false, null, null,
                null, null, null, null, null, List.of(), true);
    }

    private static String subtype(JsonNode node) {
        String subtype = text(node, "subtype");
        return subtype == null ? "date" : subtype.toLowerCase(Locale.ROOT);
    }

    private static List<FormComponent.Option> options(JsonNode node, Map<String, Object> variables) {
        var out = new ArrayList<FormComponent.Option>();
        if (node.path("values").isArray()) {
            for (JsonNode value : node.get("values")) {
                out.add(option(JSON.convertValue(value, Object.class)));
            }
        } else if (text(node, "valuesKey") != null && variables.get(text(node, "valuesKey")) instanceof List<?> list) {
            list.forEach(value -> out.add(option(value)));
        }
        return out;
    }

    private static FormComponent.Option option(Object value) {
        if (value instanceof Map<?, ?> map && map.containsKey("value")) {
            Object label = map.get("label");
            return new FormComponent.Option(map.get("value"), label == null ? String.valueOf(map.get("value"))
                    : String.valueOf(label));
        }
        return new FormComponent.Option(value, String.valueOf(value));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }

    private static BigDecimal number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return new BigDecimal(value.asString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer whole(JsonNode node, String name) {
        BigDecimal value = number(node, name);
        return value == null ? null : value.intValue();
    }
}
