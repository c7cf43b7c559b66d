package io.atrium.ui.apps;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.form.Condition;
import io.atrium.platform.form.FormElement;
import io.atrium.ui.controls.Focus;
import io.atrium.ui.controls.RemoveButton;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The selected element's properties. Every change hands a new element (same id) to the
 * designer, which replaces it in the form and records the step for undo.
 */
final class ElementProperties extends VerticalLayout {

    private final AppDefinition app;
    private final List<PublishedApp> apps;
    private final Locale locale;
    private final Consumer<FormElement> onChange;
    private final Consumer<String> onRemove;
    private final Consumer<String> onAddChild;
    private final java.util.function.BiConsumer<String, Integer> onMove;
    private final Function<FormElement, String> caption;
    private FormElement shown;
    /** The input of the shown element's name in the UI's language (label, title or text), if it has one. */
    private TextField nameInput;

    /**
     * @param onMove  moves an element among its siblings by the given steps, for keyboards and precise work
     * @param caption what an element is called on the canvas
     */
    ElementProperties(AppDefinition app, List<PublishedApp> apps, Locale locale, Consumer<FormElement> onChange,
            Consumer<String> onRemove, Consumer<String> onAddChild,
            java.util.function.BiConsumer<String, Integer> onMove, Function<FormElement, String> caption) {
        this.onMove = onMove;
        this.caption = caption;
        this.app = app;
        this.apps = apps;
        this.locale = locale;
        this.onChange = onChange;
        this.onRemove = onRemove;
        this.onAddChild = onAddChild;
        setId("element-properties");
        setWidth("20rem");
        setPadding(false);
    }

    /** Shows the properties of an element; null shows none. */
    void show(FormElement element) {
        shown = element;
        nameInput = null;
        removeAll();
        getElement().setAttribute("data-element", element == null ? "" : element.id());
        add(new H3(getTranslation("form.properties")));
        if (element == null) {
            var hint = new Paragraph(getTranslation("form.selectElement"));
            hint.setId("properties-hint");
            hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
            add(hint);
            return;
        }
        switch (element) {
            case FormElement.Field f -> {
                var label = localized("label", f.label(), t -> this.<FormElement.Field>edit(x -> new FormElement.Field(
                        x.id(), x.field(), t, x.hint(), x.required(), x.readOnly(), x.visibleWhen(), x.readOnlyWhen(),
                        x.widget())));
                var hint = localized("hint", f.hint(), t -> this.<FormElement.Field>edit(x -> new FormElement.Field(
                        x.id(), x.field(), x.label(), t, x.required(), x.readOnly(), x.visibleWhen(), x.readOnlyWhen(),
                        x.widget())));
                var required = checkbox("required", f.required(), v -> this.<FormElement.Field>edit(x ->
                        new FormElement.Field(x.id(), x.field(), x.label(), x.hint(), v, x.readOnly(), x.visibleWhen(),
                                x.readOnlyWhen(), x.widget())));
                var readOnly = checkbox("readOnly", f.readOnly(), v -> this.<FormElement.Field>edit(x ->
                        new FormElement.Field(x.id(), x.field(), x.label(), x.hint(), x.required(), v, x.visibleWhen(),
                                x.readOnlyWhen(), x.widget())));
                add(label[0], label[1], hint[0], hint[1], required, readOnly);
                nameInput = null; // a field's label here is optional: its name comes from the app
            }
            case FormElement.Tab t -> {
                var label = localized("label", t.label(), v -> this.<FormElement.Tab>edit(x -> new FormElement.Tab(
                        x.id(), v, x.elements(), x.visibleWhen(), x.readOnlyWhen())));
                add(label[0], label[1]);
            }
            case FormElement.Tabs t -> add(addButton("form.addTab", t.id()));
            case FormElement.Block b -> {
                var title = localized("title", b.title(), v -> this.<FormElement.Block>edit(x -> new FormElement.Block(
                        x.id(), v, x.collapsible(), x.collapsed(), x.elements(), x.visibleWhen(), x.readOnlyWhen())));
                var collapsible = checkbox("collapsible", b.collapsible(), v -> this.<FormElement.Block>edit(x ->
                        new FormElement.Block(x.id(), x.title(), v, x.collapsed(), x.elements(), x.visibleWhen(),
                                x.readOnlyWhen())));
                var collapsed = checkbox("collapsed", b.collapsed(), v -> this.<FormElement.Block>edit(x ->
                        new FormElement.Block(x.id(), x.title(), x.collapsible(), v, x.elements(), x.visibleWhen(),
                                x.readOnlyWhen())));
                add(title[0], title[1], collapsible, collapsed);
            }
            case FormElement.Row r -> add(addButton("form.addColumn", r.id()));
            case FormElement.Column c -> {
                var span = new IntegerField(getTranslation("form.prop.span"));
                span.setId("prop-span");
                span.setMin(1);
                span.setMax(12);
                span.setStepButtonsVisible(true);
                span.setValue(c.span());
                span.addValueChangeListener(e -> {
                    if (e.getValue() != null && e.getValue() >= 1 && e.getValue() <= 12) {
                        this.<FormElement.Column>edit(x -> new FormElement.Column(x.id(), e.getValue(), x.elements(),
                                x.visibleWhen(), x.readOnlyWhen()));
                    }
                });
                add(span);
            }
            case FormElement.Text t -> {
                var text = localized("text", t.text(), v -> this.<FormElement.Text>edit(x -> new FormElement.Text(
                        x.id(), v, x.visibleWhen(), x.readOnlyWhen())));
                add(text[0], text[1]);
            }
            case FormElement.RelatedList l -> relatedList(l);
            case FormElement.Button b -> {
                var label = localized("label", b.label(), v -> this.<FormElement.Button>edit(x -> new FormElement.Button(
                        x.id(), v, x.action(), x.visibleWhen(), x.readOnlyWhen())));
                var action = new TextField(getTranslation("form.prop.action"), b.action() == null ? "" : b.action(),
                        "set:status=closed");
                action.setId("prop-action");
                action.setHelperText(getTranslation("form.prop.actionHelp"));
                action.addValueChangeListener(e -> this.<FormElement.Button>edit(x -> new FormElement.Button(x.id(),
                        x.label(), e.getValue(), x.visibleWhen(), x.readOnlyWhen())));
                add(label[0], label[1], action);
            }
        }
        add(new ConditionEditor(getTranslation("form.prop.visibleWhen"), getTranslation("condition.always"),
                "visible-when", app, locale,
                element.visibleWhen(), c -> edit(x -> withConditions(x, c, x.readOnlyWhen()))));
        if (!(element instanceof FormElement.Text) && !(element instanceof FormElement.RelatedList)) {
            add(new ConditionEditor(getTranslation("form.prop.readOnlyWhen"), getTranslation("condition.never"),
                    "read-only-when", app, locale,
                    element.readOnlyWhen(), c -> edit(x -> withConditions(x, x.visibleWhen(), c))));
        }
        var up = new Button(getTranslation("form.moveUp"), VaadinIcon.ARROW_UP.create(), e -> onMove.accept(
                element.id(), -1));
        up.setId("move-up");
        var down = new Button(getTranslation("form.moveDown"), VaadinIcon.ARROW_DOWN.create(), e -> onMove.accept(
                element.id(), 1));
        down.setId("move-down");
        var moves = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(up, down);
        add(moves);
        var remove = new RemoveButton(getTranslation("form.removeElement", caption.apply(element)),
                () -> onRemove.accept(element.id())).showingText(getTranslation("form.remove"))
                .explaining(getTranslation(element.children().isEmpty() ? "form.removeText"
                        : "form.removeTextWithContent"))
                .confirmingWith(getTranslation("form.removeConfirm"));
        remove.setId("remove-element");
        add(remove);
        getChildren().forEach(c -> {
            if (c instanceof com.vaadin.flow.component.HasSize sized) {
                sized.setWidthFull();
            }
        });
    }

    private void relatedList(FormElement.RelatedList l) {
        var title = localized("title", l.title(), v -> this.<FormElement.RelatedList>edit(x ->
                new FormElement.RelatedList(x.id(), v, x.source(), x.via(), x.columns(), x.visibleWhen(),
                        x.readOnlyWhen())));
        // apps with a reference to this one, and their reference fields that point here
        var sources = apps.stream().filter(p -> p.definition().fields().stream().anyMatch(this::pointsHere)).toList();
        var source = new ComboBox<AppRef>(getTranslation("form.prop.source"));
        source.setId("prop-source");
        source.setItems(sources.stream().map(p -> p.definition().ref()).toList());
        source.setItemLabelGenerator(AppRef::toString);
        source.setValue(l.source());
        var selected = sources.stream().filter(p -> p.definition().ref().equals(l.source())).findFirst();
        var via = new ComboBox<String>(getTranslation("form.prop.via"));
        via.setId("prop-via");
        via.setItems(selected.map(p -> p.definition().fields().stream().filter(this::pointsHere)
                .map(FieldDefinition::code).toList()).orElse(List.of()));
        via.setValue(l.via());
        var columns = new MultiSelectComboBox<String>(getTranslation("form.prop.columns"));
        columns.setId("prop-columns");
        columns.setItems(selected.map(p -> p.definition().fields().stream().map(FieldDefinition::code).toList())
                .orElse(List.of()));
        columns.setValue(Set.copyOf(l.columns()));
        source.addValueChangeListener(e -> {
            var chosen = apps.stream().filter(p -> p.definition().ref().equals(e.getValue())).findFirst();
            String firstVia = chosen.flatMap(p -> p.definition().fields().stream().filter(this::pointsHere)
                    .map(FieldDefinition::code).findFirst()).orElse(null);
            // the first few fields, leaving out the reference back to this item, which all rows share
            List<String> firstColumns = chosen.map(p -> p.definition().fields().stream()
                    .filter(f -> !f.code().equals(firstVia)).limit(3).map(FieldDefinition::code).toList())
                    .orElse(List.of());
            this.<FormElement.RelatedList>edit(x -> new FormElement.RelatedList(x.id(), x.title(), e.getValue(),
                    firstVia, firstColumns, x.visibleWhen(), x.readOnlyWhen()));
            show(shown); // the fields to choose from depend on the app
        });
        via.addValueChangeListener(e -> this.<FormElement.RelatedList>edit(x -> new FormElement.RelatedList(x.id(),
                x.title(), x.source(), e.getValue(), x.columns(), x.visibleWhen(), x.readOnlyWhen())));
        columns.addValueChangeListener(e -> this.<FormElement.RelatedList>edit(x -> new FormElement.RelatedList(
                x.id(), x.title(), x.source(), x.via(), List.copyOf(e.getValue()), x.visibleWhen(),
                x.readOnlyWhen())));
        add(title[0], title[1], source, via, columns);
    }

    /**
     * Puts the keyboard into the shown element's name, selected, so the analyst types it straight away.
     *
     * @return false if the element has no name to type (a field, tabs, a row, a column)
     */
    boolean focusName() {
        if (nameInput == null) {
            return false;
        }
        Focus.withTextSelected(nameInput);
        return true;
    }

    /** The element changed elsewhere (or by this panel): later edits start from it. */
    void update(FormElement element) {
        shown = element;
    }

    /** Hands the designer the shown element as changed, so each edit builds on the latest one. */
    @SuppressWarnings("unchecked")
    private <T extends FormElement> void edit(java.util.function.Function<T, FormElement> change) {
        onChange.accept(change.apply((T) shown));
    }

    private boolean pointsHere(FieldDefinition field) {
        return field.type() == FieldType.REFERENCE && app.ref().equals(field.target());
    }

    private Component addButton(String key, String parentId) {
        var button = new Button(getTranslation(key), VaadinIcon.PLUS.create(), e -> onAddChild.accept(parentId));
        button.setId("add-child");
        return button;
    }

    /** Two inputs, English and Russian, for one text. */
    private TextField[] localized(String property, LocalizedText value, Consumer<LocalizedText> changed) {
        var en = new TextField(getTranslation("form.prop." + property) + " (en)", value.en(), "");
        var ru = new TextField(getTranslation("form.prop." + property) + " (ru)", value.ru(), "");
        en.setId("prop-" + property + "-en");
        ru.setId("prop-" + property + "-ru");
        en.addValueChangeListener(e -> changed.accept(new LocalizedText(e.getValue(), ru.getValue())));
        ru.addValueChangeListener(e -> changed.accept(new LocalizedText(en.getValue(), e.getValue())));
        if (nameInput == null) { // the first text of an element is its name
            nameInput = "ru".equals(locale.getLanguage()) ? ru : en;
        }
        return new TextField[] {en, ru};
    }

    private Checkbox checkbox(String property, boolean value, Consumer<Boolean> changed) {
        var box = new Checkbox(getTranslation("form.prop." + property), value);
        box.setId("prop-" + property);
        box.addValueChangeListener(e -> changed.accept(e.getValue()));
        return box;
    }

    /** The same element with other conditions. */
    static FormElement withConditions(FormElement element, Condition visible, Condition readOnly) {
        return switch (element) {
            case FormElement.Field f -> new FormElement.Field(f.id(), f.field(), f.label(), f.hint(), f.required(),
                    f.readOnly(), visible, readOnly, f.widget());
            case FormElement.Tabs t -> new FormElement.Tabs(t.id(), t.tabs(), visible, readOnly);
            case FormElement.Tab t -> new FormElement.Tab(t.id(), t.label(), t.elements(), visible, readOnly);
            case FormElement.Block b -> new FormElement.Block(b.id(), b.title(), b.collapsible(), b.collapsed(),
                    b.elements(), visible, readOnly);
            case FormElement.Row r -> new FormElement.Row(r.id(), r.columns(), visible, readOnly);
            case FormElement.Column c -> new FormElement.Column(c.id(), c.span(), c.elements(), visible, readOnly);
            case FormElement.Text t -> new FormElement.Text(t.id(), t.text(), visible, readOnly);
            case FormElement.RelatedList l -> new FormElement.RelatedList(l.id(), l.title(), l.source(), l.via(),
                    l.columns(), visible, readOnly);
            case FormElement.Button b -> new FormElement.Button(b.id(), b.label(), b.action(), visible, readOnly);
        };
    }
}
