package io.atrium.platform.form.internal;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.form.Condition;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormElement;
import io.atrium.platform.form.FormRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a form-js schema as a form of an app, and lists every component and property it did not
 * take: nothing in the schema is dropped without a line saying so.
 */
public final class FormJsReader {

    private static final Set<String> SCHEMA_PROPERTIES = Set.of("type", "id", "schemaVersion", "exporter",
            "executionPlatform", "executionPlatformVersion", "components");

    private final AppDefinition app;
    private final Locale locale;
    private final NotCarried notCarried;
    private final Set<String> ids = new HashSet<>();
    private final Set<String> placed = new HashSet<>();
    private int generated;

    public FormJsReader(AppDefinition app, Locale locale) {
        this.app = app;
        this.locale = locale;
        this.notCarried = new NotCarried(locale);
    }

    /** The form; {@code root} is an object with a list of components. */
    public FormDefinition read(JsonNode root, FormRef ref) {
        var elements = elements(root.get("components"));
        for (var property : root.properties()) {
            JsonNode value = property.getValue();
            if (!SCHEMA_PROPERTIES.contains(property.getKey()) && !value.isNull()) {
                notCarried.add(MessageKey.FORM_JS_SCHEMA_PROPERTY, property.getKey(),
                        NotCarried.quote(value.toString()));
            }
        }
        String id = root.path("id").isString() ? root.path("id").asString().strip() : "";
        return new FormDefinition(ref, text(locale, id), elements, id);
    }

    public List<String> notCarried() {
        return notCarried.list();
    }

    static LocalizedText text(Locale locale, String value) {
        return "ru".equals(locale.getLanguage()) ? new LocalizedText("", value) : new LocalizedText(value, "");
    }

    /** Components in order; those sharing a layout row become one row of columns. */
    private List<FormElement> elements(JsonNode components) {
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
        int free = Math.max(0, FormJsWriter.FORM_JS_GRID - sized);
        for (JsonNode member : members) {
            var element = element(member);
            if (element.isEmpty()) {
                continue;
            }
            JsonNode width = member.path("layout").path("columns");
            int columnsOf16 = width.isNumber() ? width.asInt() : Math.max(1, free / Math.max(1, unsized));
            int span = Math.max(1, Math.min(FormElement.Row.GRID,
                    Math.round(columnsOf16 * (float) FormElement.Row.GRID / FormJsWriter.FORM_JS_GRID)));
            columns.add(new FormElement.Column(unique(element.get().id() + "-column"), span,
                    List.of(element.get()), null, null));
        }
        return new FormElement.Row(unique(rowId), columns, null, null);
    }

    private Optional<FormElement> element(JsonNode node) {
        var component = new FormJsComponent(node);
        String type = component.type();
        String id = unique(component.text("id"));
        component.get("layout.row");
        component.get("layout.columns");
        Optional<FormElement> element;
        if (FormJsTypes.INPUTS.contains(type)) {
            element = input(component, type, id);
        } else {
            element = switch (type) {
                case "group" -> Optional.of(group(component, id));
                case "text" -> Optional.of(new FormElement.Text(id, text(locale, component.text("text")),
                        visible(component, type, id), readOnly(component, type, id)));
                default -> {
                    notCarried.add(MessageKey.FORM_JS_COMPONENT_UNKNOWN, type, id);
                    yield Optional.empty();
                }
            };
        }
        if (element.isPresent()) {
            for (var leftover : component.leftovers()) {
                notCarried.add(MessageKey.FORM_JS_PROPERTY, type, id, leftover.getKey(), leftover.getValue());
            }
        }
        return element;
    }

    private FormElement group(FormJsComponent component, String id) {
        String label = component.text("label");
        JsonNode outline = component.get("showOutline");
        if (outline.isBoolean() && outline.asBoolean() == label.isEmpty()) {
            notCarried.add(MessageKey.FORM_JS_PROPERTY, "group", id, "showOutline", outline.toString());
        }
        Condition visible = visible(component, "group", id);
        Condition readOnly = readOnly(component, "group", id);
        return new FormElement.Block(id, text(locale, label), false, false, elements(component.get("components")),
                visible, readOnly);
    }

    private Optional<FormElement> input(FormJsComponent component, String type, String id) {
        String key = component.text("key");
        var field = app.field(key);
        if (field.isEmpty()) {
            notCarried.add(MessageKey.FORM_JS_FIELD_UNKNOWN, type, id, key);
            return Optional.empty();
        }
        if (!placed.add(key)) {
            notCarried.add(MessageKey.FORM_JS_FIELD_TWICE, type, id, key);
            return Optional.empty();
        }
        var input = new FormJsInput(component, type, id, field.get(), locale, notCarried);
        return Optional.of(input.read(visible(component, type, id), readOnly(component, type, id)));
    }

    private Condition visible(FormJsComponent component, String type, String id) {
        String hide = component.text("conditional.hide");
        if (hide.isBlank()) {
            return null;
        }
        try {
            return Feel.not(Feel.read(hide));
        } catch (IllegalArgumentException e) {
            notCarried.add(MessageKey.FORM_JS_HIDE_UNREAD, type, id, NotCarried.quote(hide.strip()));
            return null;
        }
    }

    private Condition readOnly(FormJsComponent component, String type, String id) {
        JsonNode readonly = component.get("readonly");
        if (!readonly.isString() || readonly.asString().isBlank()) {
            return null;
        }
        try {
            return Feel.read(readonly.asString());
        } catch (IllegalArgumentException e) {
            notCarried.add(MessageKey.FORM_JS_READ_ONLY_UNREAD, type, id, NotCarried.quote(readonly.asString()));
            return null;
        }
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
