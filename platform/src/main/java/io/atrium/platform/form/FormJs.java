package io.atrium.platform.form;

import io.atrium.platform.PlatformVersion;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.form.internal.Feel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Camunda Forms (form-js) schemas in and out. What both sides know is carried over: field
 * inputs, groups, texts, rows of columns, required and read-only flags, hints, and conditions
 * that FEEL can say. Everything else is listed, never dropped silently: tabs become groups,
 * related lists and action buttons stay behind, form-js components Atrium has no counterpart
 * for are skipped.
 */
public final class FormJs {

    /** form-js lays a row out on 16 columns; Atrium on 12. */
    private static final int FORM_JS_GRID = 16;
    private static final int SCHEMA_VERSION = 18;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "select",
            "radio", "checklist", "taglist", "datetime");

    private FormJs() {
    }

    /** A schema written from a form, and what it could not carry. */
    public record Export(String schema, List<String> notCarried) {
    }

    /** A form read from a schema, and what it did not take. */
    public record Import(FormDefinition form, List<String> notCarried) {
    }

    /**
     * The condition as a FEEL expression (without the leading {@code =}), e.g. for showing it.
     *
     * @throws IllegalArgumentException for conditions FEEL cannot say (on the viewer's role)
     */
    public static String expression(Condition condition) {
        return Feel.write(condition);
    }

    /** Writes a form as a form-js schema; labels in the given language. */
    public static Export write(FormDefinition form, AppDefinition app, Locale locale) {
        var writer = new Writer(app, locale);
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "default");
        schema.put("id", form.ref().app().code() + "_" + form.ref().purpose().name().toLowerCase(Locale.ROOT));
        schema.put("schemaVersion", SCHEMA_VERSION);
        schema.putObject("exporter").put("name", "Atrium").put("version", PlatformVersion.current());
        schema.set("components", writer.components(form.elements()));
        return new Export(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema),
                List.copyOf(writer.notCarried));
    }

    /**
     * Reads a form-js schema as a form of the app; labels into the given language.
     *
     * @throws ValidationException if the text is not a form-js schema at all
     */
    public static Import read(String schema, FormRef ref, AppDefinition app, Locale locale) {
        JsonNode root;
        try {
            root = JSON.readTree(schema);
        } catch (JacksonException e) {
            throw new ValidationException(List.of(FieldError.of("schema", "json", MessageKey.JSON_INVALID,
                    e.getOriginalMessage())));
        }
        if (root == null || !root.isObject() || !root.path("components").isArray()) {
            throw new ValidationException(List.of(FieldError.of("schema", "format",
                    MessageKey.FORM_SCHEMA_FORMAT)));
        }
        var reader = new Reader(app, locale);
        var elements = reader.elements(root.get("components"));
        var name = text(locale, root.path("id").asString(""));
        return new Import(new FormDefinition(ref, name, elements), List.copyOf(reader.notCarried));
    }

    private static LocalizedText text(Locale locale, String value) {
        return "ru".equals(locale.getLanguage()) ? new LocalizedText("", value) : new LocalizedText(value, "");
    }

    private static final class Writer {
        private final AppDefinition app;
        private final Locale locale;
        private final List<String> notCarried = new ArrayList<>();

        Writer(AppDefinition app, Locale locale) {
            this.app = app;
            this.locale = locale;
        }

        ArrayNode components(List<? extends FormElement> elements) {
            ArrayNode out = JSON.createArrayNode();
            for (FormElement element : elements) {
                add(element, out, null, 0);
            }
            return out;
        }

        /** Adds the element's components; {@code row} and {@code columns} place it in a form-js row. */
        private void add(FormElement element, ArrayNode out, String row, int columns) {
            switch (element) {
                case FormElement.Tabs tabs -> {
                    notCarried.add("tabs '" + tabs.id() + "': form-js has no tabs; each tab became a group");
                    for (var tab : tabs.tabs()) {
                        var group = group(tab.id(), tab.label().in(locale), tab.elements(), out, row, columns);
                        conditions(tab, group);
                    }
                }
                case FormElement.Block block -> {
                    if (block.collapsible()) {
                        notCarried.add("block '" + block.id() + "': form-js groups do not collapse");
                    }
                    conditions(block, group(block.id(), block.title().in(locale), block.elements(), out, row, columns));
                }
                case FormElement.Row r -> {
                    for (var column : r.columns()) {
                        int span = Math.max(1, Math.round(column.span() * (float) FORM_JS_GRID / FormElement.Row.GRID));
                        if (column.elements().size() == 1 && column.visibleWhen() == null
                                && column.readOnlyWhen() == null) {
                            add(column.elements().getFirst(), out, r.id(), span);
                        } else if (!column.elements().isEmpty()) {
                            conditions(column, group(column.id(), "", column.elements(), out, r.id(), span));
                        }
                    }
                }
                case FormElement.Field widget -> field(widget, out, row, columns);
                case FormElement.Text text -> {
                    ObjectNode component = component(out, "text", text.id(), row, columns);
                    component.put("text", text.text().in(locale));
                    conditions(text, component);
                }
                case FormElement.RelatedList list -> notCarried.add("related list '" + list.id()
                        + "': form-js has no lists of other items");
                case FormElement.Button button -> notCarried.add("button '" + button.id()
                        + "': form-js buttons only submit or reset, they run no actions");
                case FormElement.Tab tab -> add(new FormElement.Tabs(tab.id() + "-tabs", List.of(tab), null, null),
                        out, row, columns);
                case FormElement.Column column -> add(new FormElement.Row(column.id() + "-row", List.of(column),
                        null, null), out, row, columns);
            }
        }

        private ObjectNode group(String id, String label, List<FormElement> elements, ArrayNode out, String row,
                int columns) {
            ObjectNode group = component(out, "group", id, row, columns);
            if (!label.isEmpty()) {
                group.put("label", label);
            }
            group.put("showOutline", !label.isEmpty());
            group.set("components", components(elements));
            return group;
        }

        private void field(FormElement.Field widget, ArrayNode out, String row, int columns) {
            var field = app.field(widget.field());
            if (field.isEmpty()) {
                notCarried.add("field '" + widget.id() + "': the app has no field '" + widget.field() + "'");
                return;
            }
            var definition = field.get();
            String type = switch (definition.type()) {
                case STRING, PHONE, EMAIL, USER -> "textfield";
                case TEXT -> "textarea";
                case NUMBER, MONEY -> "number";
                case BOOLEAN -> "checkbox";
                case DATE, DATE_TIME -> "datetime";
                case CHOICE -> definition.multiple() ? "checklist" : "select";
                case STATUS -> "select";
                case REFERENCE, FILE, TABLE -> null;
            };
            if (type == null) {
                notCarried.add("field '" + widget.field() + "': form-js has no input for a "
                        + definition.type().name().toLowerCase(Locale.ROOT) + " field");
                return;
            }
            if (definition.type() == FieldType.MONEY) {
                notCarried.add("field '" + widget.field() + "': only the amount; form-js has no currency input");
            }
            ObjectNode component = component(out, type, widget.id(), row, columns);
            component.put("key", widget.field());
            String label = widget.label().isBlank() ? definition.name().in(locale) : widget.label().in(locale);
            if (definition.type() == FieldType.DATE || definition.type() == FieldType.DATE_TIME) {
                component.put("subtype", definition.type() == FieldType.DATE ? "date" : "datetime");
                component.put("dateLabel", label);
            } else {
                component.put("label", label);
            }
            if (!widget.hint().isBlank()) {
                component.put("description", widget.hint().in(locale));
            }
            if (widget.required() || definition.required()) {
                component.putObject("validate").put("required", true);
            }
            if (widget.readOnly()) {
                component.put("readonly", true);
            }
            var options = definition.type() == FieldType.STATUS ? definition.status().states() : definition.options();
            if (definition.type() == FieldType.CHOICE || definition.type() == FieldType.STATUS) {
                ArrayNode values = component.putArray("values");
                for (var option : options) {
                    values.addObject().put("label", option.name().isBlank() ? option.code() : option.name().in(locale))
                            .put("value", option.code());
                }
            }
            conditions(widget, component);
        }

        private ObjectNode component(ArrayNode out, String type, String id, String row, int columns) {
            ObjectNode component = out.addObject();
            component.put("type", type);
            component.put("id", id);
            if (row != null) {
                component.putObject("layout").put("row", row).put("columns", columns);
            }
            return component;
        }

        private void conditions(FormElement element, ObjectNode component) {
            if (element.visibleWhen() != null) {
                try {
                    String shown = Feel.write(element.visibleWhen());
                    component.putObject("conditional").put("hide", "=not(" + shown + ")");
                } catch (IllegalArgumentException e) {
                    notCarried.add("visibility of '" + element.id() + "': " + e.getMessage());
                }
            }
            if (element.readOnlyWhen() != null) {
                try {
                    component.put("readonly", "=" + Feel.write(element.readOnlyWhen()));
                } catch (IllegalArgumentException e) {
                    notCarried.add("read-only condition of '" + element.id() + "': " + e.getMessage());
                }
            }
        }
    }

    private static final class Reader {
        private final AppDefinition app;
        private final Locale locale;
        private final List<String> notCarried = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private final Set<String> placed = new HashSet<>();
        private int generated;

        Reader(AppDefinition app, Locale locale) {
            this.app = app;
            this.locale = locale;
        }

        /** Components in order; those sharing a layout row become one row of columns. */
        List<FormElement> elements(JsonNode components) {
            var result = new ArrayList<FormElement>();
            String openRow = null;
            var rowMembers = new ArrayList<JsonNode>();
            for (JsonNode component : components) {
                String row = component.path("layout").path("row").asString(null);
                if (openRow != null && !openRow.equals(row)) {
                    result.add(row(openRow, rowMembers));
                    rowMembers.clear();
                    openRow = null;
                }
                if (row != null) {
                    openRow = row;
                    rowMembers.add(component);
                } else {
                    element(component).ifPresent(result::add);
                }
            }
            if (openRow != null) {
                result.add(row(openRow, rowMembers));
            }
            return result;
        }

        private FormElement row(String rowId, List<JsonNode> members) {
            var columns = new ArrayList<FormElement.Column>();
            int unsized = (int) members.stream().filter(m -> !m.path("layout").path("columns").isNumber()).count();
            int sized = members.stream().mapToInt(m -> m.path("layout").path("columns").asInt(0)).sum();
            int free = Math.max(0, FORM_JS_GRID - sized);
            for (JsonNode member : members) {
                var element = element(member);
                if (element.isEmpty()) {
                    continue;
                }
                JsonNode width = member.path("layout").path("columns");
                int columnsOf16 = width.isNumber() ? width.asInt() : Math.max(1, free / Math.max(1, unsized));
                int span = Math.max(1, Math.min(FormElement.Row.GRID,
                        Math.round(columnsOf16 * (float) FormElement.Row.GRID / FORM_JS_GRID)));
                columns.add(new FormElement.Column(unique(element.get().id() + "-column"), span,
                        List.of(element.get()), null, null));
            }
            return new FormElement.Row(unique(rowId), columns, null, null);
        }

        private java.util.Optional<FormElement> element(JsonNode component) {
            String type = component.path("type").asString("");
            String id = unique(component.path("id").asString(""));
            String key = component.path("key").asString("");
            var field = app.field(key);
            if (INPUTS.contains(type)) {
                if (field.isEmpty()) {
                    notCarried.add(type + " '" + id + "': the app has no field '" + key + "'");
                    return java.util.Optional.empty();
                }
                if (!placed.add(key)) {
                    notCarried.add(type + " '" + id + "': the field '" + key + "' is already on the form");
                    return java.util.Optional.empty();
                }
            }
            Condition visible = null;
            Condition readOnly = null;
            String hide = component.path("conditional").path("hide").asString(null);
            if (hide != null) {
                try {
                    Condition hidden = Feel.read(hide);
                    visible = hidden instanceof Condition.Not not ? not.not() : new Condition.Not(hidden);
                } catch (IllegalArgumentException e) {
                    notCarried.add("the condition hiding '" + id + "' was not understood: " + e.getMessage());
                }
            }
            JsonNode readonly = component.path("readonly");
            if (readonly.isString()) {
                try {
                    readOnly = Feel.read(readonly.asString());
                } catch (IllegalArgumentException e) {
                    notCarried.add("the read-only condition of '" + id + "' was not understood: " + e.getMessage());
                }
            }
            if (INPUTS.contains(type)) {
                String label = component.path(type.equals("datetime") ? "dateLabel" : "label").asString("");
                boolean ownLabel = !label.isEmpty() && !label.equals(field.get().name().in(locale));
                return java.util.Optional.of(new FormElement.Field(id, key,
                        ownLabel ? text(locale, label) : null,
                        text(locale, component.path("description").asString("")),
                        component.path("validate").path("required").asBoolean(false) && !field.get().required(),
                        readonly.isBoolean() && readonly.asBoolean(), visible, readOnly));
            }
            return switch (type) {
                case "group" -> {
                    String label = component.path("label").asString("");
                    yield java.util.Optional.of(new FormElement.Block(id, text(locale, label), false, false,
                            elements(component.path("components")), visible, readOnly));
                }
                case "text" -> java.util.Optional.of(new FormElement.Text(id,
                        text(locale, component.path("text").asString("")), visible, readOnly));
                default -> {
                    notCarried.add(type + " '" + id + "': Atrium forms have no such component");
                    yield java.util.Optional.empty();
                }
            };
        }

        /** The id as given when it is valid and free, otherwise a new one. */
        private String unique(String id) {
            String candidate = id != null && id.matches("[A-Za-z][A-Za-z0-9_-]{0,63}") && !ids.contains(id) ? id
                    : "element-" + (++generated);
            while (!ids.add(candidate)) {
                candidate = "element-" + (++generated);
            }
            return candidate;
        }
    }
}
