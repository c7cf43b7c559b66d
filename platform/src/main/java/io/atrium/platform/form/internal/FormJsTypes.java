package io.atrium.platform.form.internal;

import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.form.FormElement.Widget;
import java.util.Locale;
import java.util.Set;

/** Which form-js component enters which kind of app field. */
final class FormJsTypes {

    /** The components that enter a value; each has a {@code key} naming the field. */
    static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "select",
            "radio", "checklist", "taglist", "datetime");

    private FormJsTypes() {
    }

    /** The component form-js enters the field with, as the widget says; null when form-js has none. */
    static String componentOf(FieldDefinition field, Widget widget) {
        if (widget != null && widget.fits(field)) {
            return widget.name().toLowerCase(Locale.ROOT);
        }
        return switch (field.type()) {
            case STRING, PHONE, EMAIL, USER -> "textfield";
            case TEXT -> "textarea";
            case NUMBER, MONEY -> "number";
            case BOOLEAN -> "checkbox";
            case DATE, DATE_TIME -> "datetime";
            case CHOICE -> field.multiple() ? "checklist" : "select";
            case STATUS -> "select";
            case REFERENCE, FILE, TABLE -> null;
        };
    }

    /** The value a new item starts with, as a form-js component holds it: a money default gives its amount. */
    static Object defaultOf(FieldDefinition field) {
        Object value = field.defaultValue();
        if (value instanceof java.util.Map<?, ?> money && money.containsKey("amount")) {
            return money.get("amount");
        }
        if (value == null && field.type() == FieldType.STATUS && field.status() != null) {
            return field.status().initial();
        }
        return value;
    }

    /** The datetime subtype for a date field: {@code date} or {@code datetime}. */
    static String subtypeOf(FieldDefinition field) {
        return field.type() == FieldType.DATE ? "date" : "datetime";
    }

    /** Whether the component (with its datetime subtype) enters values of the field's type. */
    static boolean enters(String component, String subtype, FieldDefinition field) {
        return switch (component) {
            case "textfield" -> Set.of(FieldType.STRING, FieldType.TEXT, FieldType.PHONE, FieldType.EMAIL,
                    FieldType.USER).contains(field.type()) && !field.multiple();
            case "number" -> field.type() == FieldType.NUMBER || field.type() == FieldType.MONEY;
            case "checkbox" -> field.type() == FieldType.BOOLEAN;
            case "datetime" -> field.type() == FieldType.DATE && "date".equals(subtype)
                    || field.type() == FieldType.DATE_TIME && "datetime".equals(subtype);
            default -> widget(component) != null && widget(component).fits(field);
        };
    }

    /** The widget to remember for the component, null when it is the field's usual one. */
    static Widget widgetFor(String component, FieldDefinition field) {
        if (component.equals(componentOf(field, null))) {
            return null;
        }
        Widget widget = widget(component);
        return widget != null && widget.fits(field) ? widget : null;
    }

    private static Widget widget(String component) {
        for (Widget widget : Widget.values()) {
            if (widget.name().toLowerCase(Locale.ROOT).equals(component)) {
                return widget;
            }
        }
        return null;
    }
}
