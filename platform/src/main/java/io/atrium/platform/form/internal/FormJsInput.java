package io.atrium.platform.form.internal;

import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.form.Condition;
import io.atrium.platform.form.FormElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One form-js input bound to an app field, read as a field widget. Its validation rules, default
 * value and options are the field's business in Atrium: where the schema says the same as the
 * field they are taken as read, where it says otherwise they are listed.
 */
final class FormJsInput {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> RULES = List.of("minLength", "maxLength", "min", "max", "pattern");

    private final FormJsComponent component;
    private final String type;
    private final String id;
    private final FieldDefinition field;
    private final Locale locale;
    private final NotCarried notCarried;

    FormJsInput(FormJsComponent component, String type, String id, FieldDefinition field, Locale locale,
            NotCarried notCarried) {
        this.component = component;
        this.type = type;
        this.id = id;
        this.field = field;
        this.locale = locale;
        this.notCarried = notCarried;
    }

    FormElement.Field read(Condition visible, Condition readOnlyWhen) {
        String subtype = component.text("subtype");
        String date = subtype.isEmpty() ? "date" : subtype;
        String shown = type.equals("datetime") ? type + " (subtype " + date + ")" : type;
        FormElement.Widget widget = null;
        if (FormJsTypes.enters(type, date, field)) {
            widget = FormJsTypes.widgetFor(type, field);
        } else {
            notCarried.add(MessageKey.FORM_JS_FIELD_TYPE, shown, id, field.code(), FormJsWriter.typeName(field));
        }
        String label = component.text(type.equals("datetime") ? "dateLabel" : "label");
        boolean ownLabel = !label.isEmpty() && !label.equals(field.name().in(locale));
        boolean required = component.flag("validate.required");
        rules();
        boolean readOnly = component.get("readonly").isBoolean() && component.get("readonly").asBoolean();
        if (component.flag("disabled")) {
            notCarried.add(MessageKey.FORM_JS_DISABLED, type, id);
            readOnly = true;
        }
        defaultValue();
        if (field.type() == FieldType.CHOICE || field.type() == FieldType.STATUS) {
            options();
        }
        return new FormElement.Field(id, field.code(), ownLabel ? FormJsReader.text(locale, label) : null,
                FormJsReader.text(locale, component.text("description")), required && !field.required(), readOnly,
                visible, readOnlyWhen, widget);
    }

    /** Length and range rules, patterns and formats: carried where the field checks the same. */
    private void rules() {
        for (String rule : RULES) {
            JsonNode value = component.get("validate." + rule);
            if (value.isMissingNode() || value.isNull() || value.isString() && value.asString().isEmpty()) {
                continue;
            }
            boolean same = rule.equals("maxLength") && value.isNumber() && field.maxLength() != null
                    && value.asInt() == field.maxLength();
            if (!same) {
                notCarried.add(MessageKey.FORM_JS_RULE, type, id, rule, NotCarried.quote(value.toString()),
                        field.code());
            }
        }
        String format = component.text("validate.validationType");
        if (!format.isEmpty() && !(format.equals("email") && field.type() == FieldType.EMAIL)) {
            notCarried.add(MessageKey.FORM_JS_RULE, type, id, "validationType", "\"" + format + "\"", field.code());
        }
    }

    private void defaultValue() {
        JsonNode value = component.get("defaultValue");
        if (value.isMissingNode() || value.isNull() || value.isString() && value.asString().isEmpty()) {
            return;
        }
        Object own = FormJsTypes.defaultOf(field);
        if (own == null && value.isBoolean() && !value.asBoolean() && field.type() == FieldType.BOOLEAN) {
            return; // an unticked box is what a yes/no field without a default shows anyway
        }
        if (own == null || !sameValue(JSON.valueToTree(own), value)) {
            notCarried.add(MessageKey.FORM_JS_DEFAULT, type, id, NotCarried.quote(value.toString()), field.code());
        }
    }

    /** Numbers by value (10 and 10.0 are one default), everything else as JSON. */
    private static boolean sameValue(JsonNode own, JsonNode theirs) {
        if (own.isNumber() && theirs.isNumber()) {
            return own.decimalValue().compareTo(theirs.decimalValue()) == 0;
        }
        return own.equals(theirs);
    }

    /** The schema's options against the field's: the field's own options and labels are what the form offers. */
    private void options() {
        for (String source : List.of("valuesKey", "valuesExpression")) {
            String from = component.text(source);
            if (!from.isEmpty()) {
                notCarried.add(MessageKey.FORM_JS_OPTIONS_SOURCE, type, id, source, "\"" + from + "\"", field.code());
            }
        }
        JsonNode values = component.get("values");
        if (!values.isArray()) {
            return;
        }
        var own = field.type() == FieldType.STATUS && field.status() != null ? field.status().states()
                : field.options();
        var offered = new LinkedHashSet<String>();
        for (JsonNode value : values) {
            String code = value.path("value").isValueNode() ? value.path("value").asString("") : "";
            String label = value.path("label").asString("");
            var option = own.stream().filter(o -> o.code().equals(code)).findFirst();
            if (option.isEmpty()) {
                notCarried.add(MessageKey.FORM_JS_OPTION_UNKNOWN, type, id, NotCarried.quote(value.path("value")),
                        field.code());
                continue;
            }
            offered.add(code);
            String ownLabel = option.get().name().isBlank() ? code : option.get().name().in(locale);
            if (!label.isEmpty() && !label.equals(ownLabel)) {
                notCarried.add(MessageKey.FORM_JS_OPTION_LABEL, type, id, "\"" + code + "\"", label, ownLabel);
            }
        }
        var missing = new ArrayList<String>();
        own.stream().map(FieldDefinition.ChoiceOption::code).filter(c -> !offered.contains(c))
                .map(c -> "\"" + c + "\"").forEach(missing::add);
        if (!missing.isEmpty() && !values.isEmpty()) {
            notCarried.add(MessageKey.FORM_JS_OPTIONS_MORE, type, id, field.code(), String.join(", ", missing));
        }
    }
}
