package io.atrium.ui.apps;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormElement;
import io.atrium.platform.form.FormState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Builds Vaadin components from a form's layout tree and applies a {@link FormState} to them:
 * hidden elements disappear, read-only fields lock, required fields show their mark.
 */
final class FormRenderer {

    /** Makes the input of a field, labelled as the form says. */
    interface Editors extends BiFunction<FieldDefinition, String, FieldEditor> {
    }

    private final FormDefinition form;
    private final AppDefinition app;
    private final Locale locale;
    private final Editors editors;
    private final Function<FormElement.RelatedList, Component> relatedLists;
    private final Function<FormElement.Button, Component> buttons;
    private final Map<String, Component> components = new HashMap<>();
    private final Map<String, FieldEditor> fieldEditors = new LinkedHashMap<>();
    private final Map<String, Boolean> fixedReadOnly = new HashMap<>();
    private final Map<String, TabSheet> sheets = new HashMap<>();

    FormRenderer(FormDefinition form, AppDefinition app, Locale locale, Editors editors,
            Function<FormElement.RelatedList, Component> relatedLists, Function<FormElement.Button, Component> buttons) {
        this.form = form;
        this.app = app;
        this.locale = locale;
        this.editors = editors;
        this.relatedLists = relatedLists;
        this.buttons = buttons;
    }

    /** The whole form; call once. */
    Component render() {
        var root = column();
        root.setId("form-" + form.ref().purpose().name().toLowerCase(Locale.ROOT));
        addAll(form.elements(), root);
        return root;
    }

    /** The inputs on the form, by field code, in layout order. */
    Map<String, FieldEditor> editors() {
        return fieldEditors;
    }

    void apply(FormState state) {
        components.forEach((id, component) -> component.setVisible(state.isVisible(id)));
        fieldEditors.forEach((code, editor) -> state.field(code).ifPresent(s -> {
            editor.readOnly(s.readOnly() || fixedReadOnly.getOrDefault(code, false));
            if (editor.component() instanceof HasValue<?, ?> value) {
                value.setRequiredIndicatorVisible(s.required());
            }
        }));
    }

    /** Keeps a field read-only whatever the form's conditions say (e.g. the app's read-only fields). */
    /** Which tab each tab sheet shows, by the sheet's element id. */
    Map<String, Integer> selectedTabs() {
        var selected = new java.util.HashMap<String, Integer>();
        sheets.forEach((id, sheet) -> selected.put(id, sheet.getSelectedIndex()));
        return selected;
    }

    /** Shows the tabs a card showed before it was drawn again (after a save, say). */
    void selectTabs(Map<String, Integer> selected) {
        selected.forEach((id, index) -> {
            var sheet = sheets.get(id);
            if (sheet != null && index >= 0) {
                sheet.setSelectedIndex(index);
            }
        });
    }

    void lock(String code) {
        fixedReadOnly.put(code, true);
    }

    private void addAll(List<? extends FormElement> elements, VerticalLayout into) {
        for (FormElement element : elements) {
            Component component = build(element);
            if (component != null) {
                components.put(element.id(), component);
                into.add(component);
            }
        }
    }

    private Component build(FormElement element) {
        return switch (element) {
            case FormElement.Tabs tabs -> {
                var sheet = new TabSheet();
                sheet.setWidthFull();
                sheets.put(tabs.id(), sheet);
                for (var tab : tabs.tabs()) {
                    var content = column();
                    addAll(tab.elements(), content);
                    Tab added = sheet.add(tab.label().in(locale), content);
                    added.setId("tab-" + tab.id());
                    components.put(tab.id(), added);
                }
                yield sheet;
            }
            case FormElement.Block block -> {
                var content = column();
                addAll(block.elements(), content);
                if (block.collapsible()) {
                    var details = new Details(block.title().in(locale), content);
                    details.setOpened(!block.collapsed());
                    details.setWidthFull();
                    yield details;
                }
                var box = new Div();
                box.setWidthFull();
                box.addClassName("form-block");
                if (!block.title().isBlank()) {
                    box.add(new H4(block.title().in(locale)));
                }
                box.add(content);
                yield box;
            }
            case FormElement.Row row -> {
                var line = new HorizontalLayout();
                line.setWidthFull();
                line.setWrap(true);
                line.setAlignItems(FlexComponent.Alignment.START);
                for (var column : row.columns()) {
                    var cell = column();
                    cell.getStyle().set("flex", column.span() + " 1 16rem").set("min-width", "0");
                    addAll(column.elements(), cell);
                    components.put(column.id(), cell);
                    line.add(cell);
                }
                yield line;
            }
            case FormElement.Field widget -> field(widget);
            case FormElement.Text text -> {
                var paragraph = new Paragraph(text.text().in(locale));
                paragraph.getStyle().set("white-space", "pre-line");
                yield paragraph;
            }
            case FormElement.RelatedList list -> relatedLists.apply(list);
            case FormElement.Button button -> buttons.apply(button);
            case FormElement.Tab tab -> build(new FormElement.Tabs(tab.id() + "-tabs", List.of(tab), null, null));
            case FormElement.Column column -> build(new FormElement.Row(column.id() + "-row", List.of(column),
                    null, null));
        };
    }

    private Component field(FormElement.Field widget) {
        var definition = app.field(widget.field());
        if (definition.isEmpty()) { // the app dropped the field after the form was published
            return null;
        }
        String label = widget.label().isBlank() ? definition.get().name().in(locale) : widget.label().in(locale);
        var editor = editors.apply(definition.get(), label);
        var component = editor.component();
        component.setId("field-" + widget.field());
        if (component instanceof HasHelper helper && !widget.hint().isBlank()) {
            helper.setHelperText(widget.hint().in(locale));
        }
        fieldEditors.put(widget.field(), editor);
        return component;
    }

    private static VerticalLayout column() {
        var layout = new VerticalLayout();
        layout.setPadding(false);
        layout.setSpacing(true);
        layout.setWidthFull();
        return layout;
    }
}
