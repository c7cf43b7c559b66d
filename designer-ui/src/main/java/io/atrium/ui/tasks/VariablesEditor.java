package io.atrium.ui.tasks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names and values an administrator completes a task without a form with. A value that reads as
 * JSON (a number, true, a quoted text, a list) is taken as such; anything else is text.
 */
final class VariablesEditor extends VerticalLayout {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<TextField[]> rows = new ArrayList<>();
    private final VerticalLayout lines = new VerticalLayout();
    private final Locale locale;

    VariablesEditor(Locale locale) {
        this.locale = locale;
        setId("task-variables-editor");
        setPadding(false);
        lines.setPadding(false);
        var add = new Button(getTranslation("tasks.variables.add"), VaadinIcon.PLUS.create(), e -> addRow());
        add.setId("task-variable-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(lines, add);
    }

    private void addRow() {
        var name = new TextField(getTranslation("tasks.variables.name"));
        var value = new TextField(getTranslation("tasks.variables.value"));
        name.setId("task-variable-name-" + rows.size());
        value.setId("task-variable-value-" + rows.size());
        var row = new TextField[] {name, value};
        var line = new HorizontalLayout(name, value);
        line.setWrap(true);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            rows.remove(row);
            lines.remove(line);
        });
        remove.setAriaLabel(getTranslation("tasks.variables.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        line.add(remove);
        rows.add(row);
        lines.add(line);
        name.focus();
    }

    Map<String, Object> values() {
        var out = new LinkedHashMap<String, Object>();
        for (TextField[] row : rows) {
            String name = row[0].getValue().strip();
            if (!name.isEmpty()) {
                out.put(name, parse(row[1].getValue()));
            }
        }
        return out;
    }

    /** Shows each error at the row of its variable; the others are given back. */
    List<FieldError> show(List<FieldError> errors) {
        var unshown = new ArrayList<FieldError>();
        rows.forEach(r -> r[0].setInvalid(false));
        for (FieldError error : errors) {
            var row = rows.stream().filter(r -> r[0].getValue().strip().equals(error.field())).findFirst();
            if (row.isPresent()) {
                row.get()[0].setErrorMessage(Messages.text(error, locale));
                row.get()[0].setInvalid(true);
            } else {
                unshown.add(error);
            }
        }
        return unshown;
    }

    private static Object parse(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return JSON.readValue(value, Object.class);
        } catch (JacksonException e) {
            return text;
        }
    }
}
