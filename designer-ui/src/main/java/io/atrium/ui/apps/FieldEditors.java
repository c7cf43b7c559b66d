package io.atrium.ui.apps;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.PhoneNumbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Builds the input for a field from its type. */
final class FieldEditors {

    private FieldEditors() {
    }

    /**
     * @param references looks up the items a reference field can point to; null for none
     */
    static FieldEditor create(FieldDefinition field, Locale locale, ReferenceOptions references) {
        return create(field, field.name().in(locale), locale, references);
    }

    /** @param label what the input is called, e.g. as a form names the field */
    static FieldEditor create(FieldDefinition field, String label, Locale locale, ReferenceOptions references) {
        var editor = input(field, label, locale, references);
        if (field.required() && editor.component() instanceof HasValue<?, ?> value) {
            value.setRequiredIndicatorVisible(true);
        }
        return editor;
    }

    private static FieldEditor input(FieldDefinition field, String label, Locale locale,
            ReferenceOptions references) {
        return switch (field.type()) {
            case STRING, USER, FILE -> text(new TextField(label));
            case PHONE -> simple(phone(label, locale), v -> v, s -> PhoneNumbers.display(String.valueOf(s)));
            case EMAIL -> text(new EmailField(label));
            case TEXT -> text(new TextArea(label));
            case NUMBER -> simple(new NumberField(label), FieldEditors::number, s -> ((Number) s).doubleValue());
            case BOOLEAN -> new CheckboxEditor(new Checkbox(label));
            case DATE -> simple(new DatePicker(label), d -> d.toString(), s -> LocalDate.parse((String) s));
            case DATE_TIME -> simple(new DateTimePicker(label),
                    d -> d.atZone(ZoneId.systemDefault()).toOffsetDateTime().toString(),
                    s -> LocalDateTime.ofInstant(((Date) s).toInstant(), ZoneId.systemDefault()));
            case MONEY -> new MoneyEditor(label, locale);
            case CHOICE, STATUS -> choice(field, label, locale);
            case REFERENCE -> references == null ? text(new TextField(label)) : references.editor(field, label);
            case TABLE -> new TableEditor(field, locale);
        };
    }

    /** A phone input whose placeholder shows a number written as people of the locale write one. */
    private static TextField phone(String label, Locale locale) {
        var input = new TextField(label);
        input.setPlaceholder(input.getTranslation(locale, "field.phoneExample"));
        return input;
    }

    private static Object number(Double value) {
        return value % 1 == 0 && Math.abs(value) < 1e15 ? (Object) value.longValue() : value;
    }

    private static FieldEditor choice(FieldDefinition field, String label, Locale locale) {
        var options = field.type() == FieldType.STATUS ? field.status().states() : field.options();
        Map<String, String> labels = new LinkedHashMap<>();
        options.forEach(o -> labels.put(o.code(), o.name().isBlank() ? o.code() : o.name().in(locale)));
        if (field.multiple()) {
            var box = new MultiSelectComboBox<String>(label);
            box.setItems(labels.keySet());
            box.setItemLabelGenerator(labels::get);
            return simple(box, set -> List.copyOf(set), s -> new LinkedHashSet<>((List<String>) s));
        }
        var box = new ComboBox<String>(label);
        box.setItems(labels.keySet());
        box.setItemLabelGenerator(labels::get);
        return text(box);
    }

    /** An input whose value is text, shown and returned as it is. */
    static FieldEditor text(AbstractField<?, String> input) {
        return simple(input, v -> v, s -> String.valueOf(s));
    }

    /** A single Vaadin field with conversions between its value and the API's. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <V> FieldEditor simple(AbstractField<?, V> input, Function<V, Object> toApi, Function<Object, V> fromStored) {
        if (input instanceof com.vaadin.flow.component.HasSize sized) {
            sized.setWidthFull();
        }
        return new FieldEditor() {
            @Override
            public Component component() {
                return input;
            }

            @Override
            public Object value() {
                V v = input.getValue();
                if (v == null || (v instanceof String s && s.isBlank()) || (v instanceof java.util.Set<?> set
                        && set.isEmpty())) {
                    return null;
                }
                return toApi.apply(v);
            }

            @Override
            public void show(Object stored) {
                if (stored == null) {
                    input.clear();
                } else {
                    input.setValue(fromStored.apply(stored));
                }
            }

            @Override
            public void error(String message) {
                if (input instanceof HasValidation validation) {
                    validation.setErrorMessage(message);
                    validation.setInvalid(message != null);
                }
            }

            @Override
            public void readOnly(boolean readOnly) {
                input.setReadOnly(readOnly);
            }

            @Override
            public void onChange(Runnable listener) {
                ((HasValue) input).addValueChangeListener(e -> listener.run());
            }
        };
    }

    private static final class CheckboxEditor implements FieldEditor {
        private final Checkbox box;

        CheckboxEditor(Checkbox box) {
            this.box = box;
        }

        @Override
        public Component component() {
            return box;
        }

        @Override
        public Object value() {
            return box.getValue();
        }

        @Override
        public void show(Object stored) {
            box.setValue(Boolean.TRUE.equals(stored));
        }

        @Override
        public void error(String message) {
            box.setTooltipText(message);
        }

        @Override
        public void readOnly(boolean readOnly) {
            box.setReadOnly(readOnly);
        }

        @Override
        public void onChange(Runnable listener) {
            box.addValueChangeListener(e -> listener.run());
        }
    }

    /** An amount and a currency code side by side. */
    private static final class MoneyEditor implements FieldEditor {
        private final com.vaadin.flow.component.orderedlayout.HorizontalLayout layout;
        private final BigDecimalField amount;
        private final TextField currency = new TextField();

        MoneyEditor(String label, Locale locale) {
            amount = new BigDecimalField(label);
            currency.setPlaceholder(currency.getTranslation(locale, "field.currencyExample"));
            currency.setMaxLength(3);
            currency.setWidth("6em");
            layout = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(amount, currency);
            layout.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        }

        @Override
        public Component component() {
            return layout;
        }

        @Override
        public Object value() {
            if (amount.getValue() == null && currency.getValue().isBlank()) {
                return null;
            }
            var money = new LinkedHashMap<String, Object>();
            money.put("amount", amount.getValue() == null ? null : amount.getValue().toPlainString());
            money.put("currency", currency.getValue().strip().toUpperCase(Locale.ROOT));
            return money;
        }

        @Override
        public void show(Object stored) {
            if (stored instanceof Map<?, ?> map) {
                amount.setValue(new BigDecimal(String.valueOf(map.get("amount"))));
                currency.setValue(String.valueOf(map.get("currency")));
            } else {
                amount.clear();
                currency.clear();
            }
        }

        @Override
        public void error(String message) {
            amount.setErrorMessage(message);
            amount.setInvalid(message != null);
        }

        @Override
        public void readOnly(boolean readOnly) {
            amount.setReadOnly(readOnly);
            currency.setReadOnly(readOnly);
        }

        @Override
        public void onChange(Runnable listener) {
            amount.addValueChangeListener(e -> listener.run());
            currency.addValueChangeListener(e -> listener.run());
        }
    }
}
