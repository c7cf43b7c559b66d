package io.atrium.platform.form.internal;

import io.atrium.platform.PlatformVersion;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormElement;
import io.atrium.platform.form.FormPurpose;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes a form as a form-js schema and lists what the schema cannot say. */
public final class FormJsWriter {

    /** form-js lays a row out on 16 columns; Atrium on 12. */
    static final int FORM_JS_GRID = 16;
    private static final int SCHEMA_VERSION = 18;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AppDefinition app;
    private final Locale locale;
    private final NotCarried notCarried;
    private boolean existing;

    public FormJsWriter(AppDefinition app, Locale locale) {
        this.app = app;
        this.locale = locale;
        this.notCarried = new NotCarried(locale);
    }

    /** The schema as pretty-printed JSON. */
    public String write(FormDefinition form) {
        existing = form.ref().purpose() != FormPurpose.CREATE;
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "default");
        schema.put("id", form.formJsId() != null ? form.formJsId()
                : form.ref().app().code() + "_" + form.ref().purpose().name().toLowerCase(Locale.ROOT));
        schema.put("schemaVersion", SCHEMA_VERSION);
        schema.putObject("exporter").put("name", "Atrium").put("version", PlatformVersion.current());
        schema.set("components", components(form.elements()));
        if (!form.scripts().runsNone()) {
            notCarried.add(MessageKey.FORM_JS_SCRIPTS);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema);
    }

    public List<String> notCarried() {
        return notCarried.list();
    }

    private ArrayNode components(List<? extends FormElement> elements) {
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
                notCarried.add(MessageKey.FORM_JS_TABS, tabs.id());
                for (var tab : tabs.tabs()) {
                    conditions(tab, group(tab.id(), tab.label().in(locale), tab.elements(), out, row, columns));
                }
            }
            case FormElement.Block block -> {
                if (block.collapsible()) {
                    notCarried.add(MessageKey.FORM_JS_BLOCK_COLLAPSIBLE, block.id());
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
            case FormElement.RelatedList list -> notCarried.add(MessageKey.FORM_JS_RELATED_LIST, list.id());
            case FormElement.Button button -> notCarried.add(MessageKey.FORM_JS_BUTTON, button.id());
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
        var found = app.field(widget.field());
        if (found.isEmpty()) {
            notCarried.add(MessageKey.FORM_JS_FIELD_GONE, widget.id(), widget.field());
            return;
        }
        var definition = found.get();
        String type = FormJsTypes.componentOf(definition, widget.widget());
        if (type == null) {
            notCarried.add(MessageKey.FORM_JS_NO_INPUT, widget.field(), typeName(definition));
            return;
        }
        if (definition.type() == FieldType.MONEY) {
            notCarried.add(MessageKey.FORM_JS_MONEY, widget.field());
        }
        ObjectNode component = component(out, type, widget.id(), row, columns);
        component.put("key", widget.field());
        String label = widget.label().isBlank() ? definition.name().in(locale) : widget.label().in(locale);
        if (type.equals("datetime")) {
            component.put("subtype", FormJsTypes.subtypeOf(definition));
            component.put("dateLabel", label);
        } else {
            component.put("label", label);
        }
        if (!widget.hint().isBlank()) {
            component.put("description", widget.hint().in(locale));
        }
        rules(widget, definition, component);
        if (widget.readOnly()) {
            component.put("readonly", true);
        } else if (definition.readOnly() && existing) {
            notCarried.add(MessageKey.FORM_JS_READ_ONLY_EXISTING, widget.field());
        }
        defaultValue(definition, component);
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

    /** The field's own checks that form-js can make too: required, a length limit, an e-mail format. */
    private static void rules(FormElement.Field widget, FieldDefinition definition, ObjectNode component) {
        ObjectNode validate = JSON.createObjectNode();
        if (widget.required() || definition.required()) {
            validate.put("required", true);
        }
        if (definition.maxLength() != null && (definition.type() == FieldType.STRING
                || definition.type() == FieldType.TEXT)) {
            validate.put("maxLength", definition.maxLength());
        }
        if (definition.type() == FieldType.EMAIL) {
            validate.put("validationType", "email");
        }
        if (!validate.isEmpty()) {
            component.set("validate", validate);
        }
    }

    private static void defaultValue(FieldDefinition definition, ObjectNode component) {
        Object value = FormJsTypes.defaultOf(definition);
        if (value != null) {
            component.set("defaultValue", JSON.valueToTree(value));
        }
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
                String hide = "=" + Feel.writeNegated(element.visibleWhen());
                component.putObject("conditional").put("hide", hide);
            } catch (IllegalArgumentException e) {
                notCarried.add(MessageKey.FORM_JS_ROLE_VISIBLE, element.id());
            }
        }
        if (element.readOnlyWhen() != null) {
            try {
                component.put("readonly", "=" + Feel.write(element.readOnlyWhen()));
            } catch (IllegalArgumentException e) {
                notCarried.add(MessageKey.FORM_JS_ROLE_READ_ONLY, element.id());
            }
        }
    }

    static String typeName(FieldDefinition definition) {
        return definition.type().name().toLowerCase(Locale.ROOT);
    }
}
