package io.atrium.ui.apps;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.ui.controls.RemoveButton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sub-rows of a table field: one line of column inputs per row, rows added and removed. */
final class TableEditor implements FieldEditor {

    private final FieldDefinition field;
    private final Locale locale;
    private final VerticalLayout layout = new VerticalLayout();
    private final VerticalLayout rows = new VerticalLayout();
    private final Span errorText = new Span();
    private final List<Map<String, FieldEditor>> editors = new ArrayList<>();
    private final List<RemoveButton> removeButtons = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final Button add;
    private boolean readOnly;

    TableEditor(FieldDefinition field, Locale locale) {
        this.field = field;
        this.locale = locale;
        add = new Button(layout.getTranslation(locale, "table.addRow"), VaadinIcon.PLUS.create(), e -> {
                    addRow(Map.of());
                    changed();
                });
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        errorText.getStyle().set("color", "var(--lumo-error-text-color)");
        rows.setPadding(false);
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.add(new Span(field.name().in(locale)), rows, add, errorText);
    }

    private void addRow(Map<?, ?> stored) {
        var row = new HorizontalLayout();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.addClassName("table-row"); // its cells share the width and wrap on a phone
        var cells = new LinkedHashMap<String, FieldEditor>();
        for (FieldDefinition column : field.columns()) {
            var editor = FieldEditors.create(column, locale, null);
            editor.show(stored.get(column.code()));
            editor.readOnly(readOnly);
            editor.onChange(this::changed);
            cells.put(column.code(), editor);
            row.add(editor.component());
        }
        var remove = new RemoveButton(rowLabel(editors.size()), () -> {
            rows.remove(row);
            removeButtons.remove(editors.indexOf(cells));
            editors.remove(cells);
            for (int i = 0; i < removeButtons.size(); i++) { // the rows below move up a number
                removeButtons.get(i).relabel(rowLabel(i));
            }
            changed();
        }).askingOnlyIf(() -> cells.values().stream().anyMatch(editor -> editor.value() != null))
                .explaining(layout.getTranslation(locale, "table.removeRowText"));
        remove.setVisible(!readOnly);
        removeButtons.add(remove);
        row.add(remove);
        editors.add(cells);
        rows.add(row);
    }

    private String rowLabel(int index) {
        return layout.getTranslation(locale, "table.removeRow", index + 1);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    @Override
    public Component component() {
        return layout;
    }

    @Override
    public Object value() {
        if (editors.isEmpty()) {
            return null;
        }
        var out = new ArrayList<Map<String, Object>>();
        for (var cells : editors) {
            var row = new LinkedHashMap<String, Object>();
            cells.forEach((code, editor) -> {
                Object v = editor.value();
                if (v != null) {
                    row.put(code, v);
                }
            });
            out.add(row);
        }
        return out;
    }

    @Override
    public void show(Object stored) {
        rows.removeAll();
        editors.clear();
        removeButtons.clear();
        if (stored instanceof List<?> list) {
            list.forEach(r -> addRow(r instanceof Map<?, ?> m ? m : Map.of()));
        }
    }

    @Override
    public void error(String message) {
        errorText.setText(message == null ? "" : message);
    }

    @Override
    public void readOnly(boolean readOnly) {
        this.readOnly = readOnly;
        add.setVisible(!readOnly);
        removeButtons.forEach(remove -> remove.setVisible(!readOnly));
        editors.forEach(cells -> cells.values().forEach(e -> e.readOnly(readOnly)));
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
