package io.atrium.ui.tasks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.Messages;
import io.atrium.runtime.process.task.schema.FormComponent;
import io.atrium.runtime.process.task.schema.FormSchema;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Camunda Form (form-js schema) drawn with Vaadin inputs: labels, defaults, required marks and
 * the choices of selects and lists. The server checks the values again by the form's rules; what
 * it refuses shows under the input. A component the inbox cannot draw shows as a note.
 */
final class SchemaForm extends VerticalLayout {

    private record Input(Component component, Supplier<Object> value) {
    }

    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private final Locale locale;

    SchemaForm(FormSchema schema, Locale locale) {
        this.locale = locale;
        setId("schema-form");
        setPadding(false);
        for (FormComponent component : schema.components()) {
            add(build(component));
        }
    }

    /** The value of each input people may change, by the key the process gets it under; null when empty. */
    Map<String, Object> values() {
        var out = new LinkedHashMap<String, Object>();
        inputs.forEach((key, input) -> out.put(key, input.value().get()));
        return out;
    }

    /** Shows each error under its input; those no input shows are given back. */
    List<FieldError> show(List<FieldError> errors) {
        inputs.values().forEach(i -> error(i.component(), null));
        var unshown = new ArrayList<FieldError>();
        for (FieldError error : errors) {
            var input = inputs.get(error.field());
            if (input == null) {
                unshown.add(error);
            } else {
                error(input.component(), Messages.text(error, locale));
            }
        }
        return unshown;
    }

    private static void error(Component component, String message) {
        if (component instanceof HasValidation validation) {
            validation.setErrorMessage(message);
            validation.setInvalid(message != null);
        }
    }

    private Component build(FormComponent c) {
        String label = c.label() == null ? (c.key() == null ? "" : c.key()) : c.label();
        return switch (c.kind()) {
            case TEXT -> text(c.text());
            case SEPARATOR -> new Hr();
            case UNSUPPORTED -> note(c, label);
            case TEXTFIELD -> input(c, new TextField(label), f -> f.setValue(text(c.defaultValue())),
                    f -> blankToNull(f.getValue()));
            case TEXTAREA -> input(c, new TextArea(label), f -> f.setValue(text(c.defaultValue())),
                    f -> blankToNull(f.getValue()));
            case NUMBER -> input(c, new NumberField(label), f -> f.setValue(c.defaultValue() instanceof Number n
                    ? n.doubleValue() : null), f -> number(f.getValue()));
            case CHECKBOX -> input(c, new Checkbox(label), f -> f.setValue(Boolean.TRUE.equals(c.defaultValue())),
                    Checkbox::getValue);
            case SELECT -> {
                var box = new ComboBox<FormComponent.Option>(label, c.options());
                box.setItemLabelGenerator(FormComponent.Option::label);
                yield input(c, box, f -> f.setValue(option(c, c.defaultValue())), f -> f.getValue() == null ? null
                        : f.getValue().value());
            }
            case RADIO -> {
                var group = new RadioButtonGroup<FormComponent.Option>(label);
                group.setItems(c.options());
                group.setItemLabelGenerator(FormComponent.Option::label);
                yield input(c, group, f -> f.setValue(option(c, c.defaultValue())), f -> f.getValue() == null ? null
                        : f.getValue().value());
            }
            case CHECKLIST -> {
                var group = new CheckboxGroup<FormComponent.Option>(label);
                group.setItems(c.options());
                group.setItemLabelGenerator(FormComponent.Option::label);
                yield input(c, group, f -> f.setValue(options(c)), f -> values(f.getValue(), c));
            }
            case TAGLIST -> {
                var box = new MultiSelectComboBox<FormComponent.Option>(label, c.options());
                box.setItemLabelGenerator(FormComponent.Option::label);
                yield input(c, box, f -> f.setValue(options(c)), f -> values(f.getValue(), c));
            }
            case DATETIME -> dateTime(c, label);
        };
    }

    private Component dateTime(FormComponent c, String label) {
        String given = text(c.defaultValue());
        return switch (c.subtype() == null ? "date" : c.subtype()) {
            case "time" -> input(c, new TimePicker(label), f -> f.setValue(parse(() -> LocalTime.parse(given))),
                    f -> f.getValue() == null ? null : f.getValue().toString());
            case "datetime" -> input(c, new DateTimePicker(label), f -> f.setValue(parse(() ->
                    OffsetDateTime.parse(given).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime())),
                    f -> f.getValue() == null ? null : f.getValue().atZone(ZoneId.systemDefault())
                            .toOffsetDateTime().toString());
            default -> input(c, new DatePicker(label), f -> f.setValue(parse(() -> LocalDate.parse(given))),
                    f -> f.getValue() == null ? null : f.getValue().toString());
        };
    }

    private <C extends Component> Component input(FormComponent c, C field, java.util.function.Consumer<C> fill,
            java.util.function.Function<C, Object> value) {
        field.setId("task-field-" + c.key());
        fill.accept(field);
        if (field instanceof HasValue<?, ?> input) {
            input.setRequiredIndicatorVisible(c.required());
            input.setReadOnly(c.readOnly());
        }
        if (field instanceof HasHelper helper && c.description() != null) {
            helper.setHelperText(c.description());
        }
        if (field instanceof com.vaadin.flow.component.HasSize sized) {
            sized.setWidthFull();
            sized.setMaxWidth("32rem");
        }
        if (!c.readOnly()) {
            inputs.put(c.key(), new Input(field, () -> value.apply(field)));
        }
        return field;
    }

    private Component note(FormComponent c, String label) {
        var note = new Span(getTranslation("tasks.form.unsupported", c.type(), label));
        note.getElement().getThemeList().add("badge contrast");
        note.getStyle().set("white-space", "normal");
        note.addClassName("task-form-unsupported");
        return note;
    }

    /** form-js text is Markdown; headings lose their marks, the rest stays as written. */
    private static Component text(String markdown) {
        var text = new Div();
        text.getStyle().set("white-space", "pre-line");
        text.setText(markdown == null ? "" : markdown.replaceAll("(?m)^#{1,6}\\s+", ""));
        return text;
    }

    private static <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static FormComponent.Option option(FormComponent c, Object value) {
        return value == null ? null : c.options().stream().filter(o -> Objects.equals(o.value(), value)).findFirst()
                .orElse(null);
    }

    private static java.util.Set<FormComponent.Option> options(FormComponent c) {
        var out = new LinkedHashSet<FormComponent.Option>();
        if (c.defaultValue() instanceof Collection<?> values) {
            values.forEach(v -> {
                var found = option(c, v);
                if (found != null) {
                    out.add(found);
                }
            });
        }
        return out;
    }

    /** Chosen values in the order the form lists them. */
    private static Object values(java.util.Set<FormComponent.Option> chosen, FormComponent c) {
        return c.options().stream().filter(chosen::contains).map(FormComponent.Option::value).toList();
    }

    private static Object number(Double value) {
        if (value == null) {
            return null;
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) value.longValue() : value;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
