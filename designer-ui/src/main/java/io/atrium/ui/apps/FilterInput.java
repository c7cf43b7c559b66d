package io.atrium.ui.apps;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.ui.apps.ListFilterQuery.Condition;
import io.atrium.ui.apps.ListFilterQuery.Operator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The input for one field in the list's filter dialog: what a person sees (labels, names, a date
 * picker) and the condition in codes and ids it stands for.
 */
interface FilterInput {

    Component component();

    /** The condition the input holds; empty when nothing is chosen. */
    Optional<Condition> condition();

    /**
     * The input for a field, showing the current condition if there is one.
     *
     * @param words the list's texts: labels of the inputs' parts in the person's language
     */
    static FilterInput create(FieldDefinition field, FilterVocabulary words, Condition current) {
        var operator = ListFilterQuery.operatorFor(field).orElseThrow();
        String label = field.name().in(words.locale());
        List<String> values = current == null ? List.of() : current.values();
        String id = "filter-" + field.code();
        return switch (field.type()) {
            case CHOICE, STATUS -> {
                var box = new MultiSelectComboBox<String>(label);
                Map<String, String> labels = words.options(field);
                box.setItems(labels.keySet());
                box.setItemLabelGenerator(labels::get);
                box.setValue(new LinkedHashSet<>(values.stream().filter(labels::containsKey).toList()));
                yield of(box, id, () -> box.getValue().isEmpty() ? Optional.empty()
                        : Optional.of(new Condition(field.code(), operator, List.copyOf(box.getValue()))));
            }
            case REFERENCE -> single(words.references().picker(field, label), id, field, operator, values);
            case USER -> {
                var box = new ComboBox<String>(label);
                box.setItems(words.users().keySet());
                box.setItemLabelGenerator(username -> words.users().getOrDefault(username, username));
                yield single(box, id, field, operator, values);
            }
            case BOOLEAN -> {
                var select = new Select<String>();
                select.setLabel(label);
                select.setItems("", "true", "false");
                select.setItemLabelGenerator(v -> v.isEmpty() ? words.text("items.filters.any") : words.yesNo(v));
                select.setValue(values.isEmpty() ? "" : values.getFirst());
                yield of(select, id, () -> select.getValue() == null || select.getValue().isEmpty() ? Optional.empty()
                        : Optional.of(new Condition(field.code(), operator, List.of(select.getValue()))));
            }
            case NUMBER -> {
                var number = new NumberField(label);
                if (!values.isEmpty()) {
                    number.setValue(new BigDecimal(values.getFirst()).doubleValue());
                }
                yield of(number, id, () -> number.getValue() == null ? Optional.empty()
                        : Optional.of(new Condition(field.code(), operator, List.of(BigDecimal.valueOf(
                                number.getValue()).stripTrailingZeros().toPlainString()))));
            }
            case DATE, DATE_TIME -> dateRange(field, label, id, words, values);
            default -> {
                var text = new TextField(label);
                text.setValue(values.isEmpty() ? "" : values.getFirst());
                text.setClearButtonVisible(true);
                yield of(text, id, () -> text.getValue().isBlank() ? Optional.empty()
                        : Optional.of(new Condition(field.code(), operator, List.of(text.getValue().strip()))));
            }
        };
    }

    private static FilterInput single(ComboBox<String> box, String id, FieldDefinition field, Operator operator,
            List<String> values) {
        box.setClearButtonVisible(true);
        if (!values.isEmpty()) {
            box.setValue(values.getFirst());
        }
        return of(box, id, () -> box.getValue() == null || box.getValue().isEmpty() ? Optional.empty()
                : Optional.of(new Condition(field.code(), operator, List.of(box.getValue()))));
    }

    private static FilterInput dateRange(FieldDefinition field, String label, String id, FilterVocabulary words,
            List<String> values) {
        var from = new DatePicker(label);
        var to = new DatePicker("\u00a0"); // the field's label stands over both pickers
        from.setPlaceholder(words.text("items.filters.from"));
        to.setPlaceholder(words.text("items.filters.to"));
        from.setAriaLabel(label + " " + words.text("items.filters.from"));
        to.setAriaLabel(label + " " + words.text("items.filters.to"));
        for (var picker : List.of(from, to)) {
            picker.setLocale(words.locale());
            picker.setClearButtonVisible(true);
            picker.setMinWidth("10em");
        }
        from.setId(id + "-from");
        to.setId(id + "-to");
        if (values.size() == 2) {
            from.setValue(values.get(0).isEmpty() ? null : LocalDate.parse(values.get(0)));
            to.setValue(values.get(1).isEmpty() ? null : LocalDate.parse(values.get(1)));
        }
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));
        var row = new HorizontalLayout(from, to);
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWidthFull();
        row.setFlexGrow(1, from, to);
        row.setId(id);
        return new FilterInput() {
            @Override
            public Component component() {
                return row;
            }

            @Override
            public Optional<Condition> condition() {
                if (from.getValue() == null && to.getValue() == null) {
                    return Optional.empty();
                }
                return Optional.of(new Condition(field.code(), Operator.RANGE, List.of(
                        from.getValue() == null ? "" : from.getValue().toString(),
                        to.getValue() == null ? "" : to.getValue().toString())));
            }
        };
    }

    private static FilterInput of(Component input, String id, java.util.function.Supplier<Optional<Condition>> read) {
        input.setId(id);
        if (input instanceof com.vaadin.flow.component.HasSize sized) {
            sized.setWidthFull();
        }
        return new FilterInput() {
            @Override
            public Component component() {
                return input;
            }

            @Override
            public Optional<Condition> condition() {
                return read.get();
            }
        };
    }
}
