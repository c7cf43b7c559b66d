package io.atrium.ui.apps;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormEdits;
import io.atrium.platform.form.FormElement;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The form designer's palette: the app's fields not on the form yet, and the layout elements.
 * Each entry can be dragged onto the form, or clicked (or chosen with Enter). New layout
 * elements get a name that says it is one for now, e.g. "New block 2", for the analyst to type over.
 */
final class FormPalette extends VerticalLayout {

    /** Drag data of a palette entry: it makes a new element for the form as it is when dropped. */
    record NewElement(String kind, Supplier<FormElement> make) {
    }

    private final AppDefinition app;
    private final Locale locale;
    private final Supplier<FormDefinition> form;
    private final Consumer<NewElement> onClick;

    /** @param form the form as it is now, for new elements' ids */
    FormPalette(AppDefinition app, Locale locale, Supplier<FormDefinition> form, Consumer<NewElement> onClick) {
        this.app = app;
        this.locale = locale;
        this.form = form;
        this.onClick = onClick;
        setId("form-palette");
        setWidth("15rem");
        setPadding(false);
        setSpacing(false);
    }

    /** Redraws the entries for the form as it is now. */
    void refresh() {
        removeAll();
        add(new H3(getTranslation("form.palette.fields")));
        var placed = form.get().fields().stream().map(FormElement.Field::field).collect(Collectors.toSet());
        for (FieldDefinition field : app.fields()) {
            if (!placed.contains(field.code())) {
                add(entry("field-" + field.code(), field.name().in(locale), VaadinIcon.INPUT, new NewElement("field",
                        () -> new FormElement.Field(newId("field"), field.code(), null, null, false, false, null,
                                null))));
            }
        }
        if (placed.containsAll(app.fields().stream().map(FieldDefinition::code).toList())) {
            var none = new Span(getTranslation("form.palette.allPlaced"));
            none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            add(none);
        }
        add(new H3(getTranslation("form.palette.layout")));
        add(entry("tabs", getTranslation("form.kind.tabs"), VaadinIcon.TABS, new NewElement("tabs",
                () -> new FormElement.Tabs(newId("tabs"), List.of(newTab(1)), null, null))));
        add(entry("tab", getTranslation("form.kind.tab"), VaadinIcon.FOLDER_O, new NewElement("tab",
                () -> newTab(0))));
        add(entry("block", getTranslation("form.kind.block"), VaadinIcon.BROWSER, new NewElement("block",
                () -> new FormElement.Block(newId("block"), newName("form.new.block"), true, false, List.of(), null,
                        null))));
        add(entry("row", getTranslation("form.kind.row"), VaadinIcon.GRID_H, new NewElement("row", () -> {
            String id = newId("row");
            return new FormElement.Row(id, List.of(
                    new FormElement.Column(id + "-left", 6, List.of(), null, null),
                    new FormElement.Column(id + "-right", 6, List.of(), null, null)), null, null);
        })));
        add(entry("text", getTranslation("form.kind.text"), VaadinIcon.TEXT_LABEL, new NewElement("text",
                () -> new FormElement.Text(newId("text"), newName("form.new.text"), null, null))));
        add(entry("related", getTranslation("form.kind.related"), VaadinIcon.LIST, new NewElement("related",
                () -> new FormElement.RelatedList(newId("related"), newName("form.new.related"), null, null,
                        List.of(), null, null))));
        add(entry("button", getTranslation("form.kind.button"), VaadinIcon.PLAY, new NewElement("button",
                () -> new FormElement.Button(newId("button"), newName("form.new.button"), "", null, null))));
    }

    /**
     * A new, empty tab.
     *
     * @param suffix above 0 for the first tab of new tabs: its id must differ from any the tabs will get
     */
    FormElement.Tab newTab(int suffix) {
        String id = newId("tab") + (suffix > 0 ? "-" + suffix : "");
        return new FormElement.Tab(id, newName("form.new.tab"), List.of(), null, null);
    }

    private String newId(String prefix) {
        return FormEdits.newId(form.get(), prefix);
    }

    /** "New tab 1", "New tab 2", …: the first number no element of the form is named with, in the UI's language. */
    private LocalizedText newName(String key) {
        var taken = form.get().all().stream().map(FormPalette::nameOf).filter(java.util.Objects::nonNull)
                .map(name -> name.in(locale)).collect(Collectors.toSet());
        int n = 1;
        while (taken.contains(getTranslation(key, n))) {
            n++;
        }
        String name = getTranslation(key, n);
        return "ru".equals(locale.getLanguage()) ? new LocalizedText("", name) : LocalizedText.of(name);
    }

    /** The name an analyst gives an element: a tab's label, a block's title, …; null for the others. */
    private static LocalizedText nameOf(FormElement element) {
        return switch (element) {
            case FormElement.Tab t -> t.label();
            case FormElement.Block b -> b.title();
            case FormElement.Text t -> t.text();
            case FormElement.RelatedList l -> l.title();
            case FormElement.Button b -> b.label();
            default -> null;
        };
    }

    /** A palette entry: drag it onto the form, or click it to add it near the selection. */
    private Component entry(String id, String label, VaadinIcon icon, NewElement make) {
        var entry = new Div(icon.create(), new Span(" " + label));
        entry.setId("palette-" + id);
        entry.addClassName("palette-entry");
        entry.getElement().setAttribute("tabindex", "0"); // Enter or Space adds it, like a click
        entry.getElement().setAttribute("role", "button");
        entry.getStyle().set("cursor", "grab").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("display", "flex").set("gap", "0.3em")
                .set("align-items", "center").set("background", "var(--lumo-contrast-5pct)").set("margin", "2px 0");
        DragSource.create(entry).setDragData(make);
        entry.addClickListener(e -> onClick.accept(make));
        return entry;
    }
}
