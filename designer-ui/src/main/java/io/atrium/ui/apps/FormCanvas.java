package io.atrium.ui.apps;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormElement;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The form being designed, drawn as nested boxes. Every element can be dragged; between
 * elements, and at the end of every container, a slot takes drops. The slots show while
 * something is being dragged, and the one under the pointer says "Drop here"; below the last
 * element the rest of the canvas takes drops, and an empty canvas says what to do. Clicking an
 * element (or Enter on it) selects it.
 */
final class FormCanvas extends Div {

    /** What was dropped where: the drag data, and the slot's container (null: the top) and index. */
    record Drop(Object data, String parentId, int index) {
    }

    /** Drag data of an element already on the form. */
    record Moving(String id) {
    }

    private final AppDefinition app;
    private final Locale locale;
    private final Consumer<Drop> onDrop;
    private final Consumer<String> onSelect;

    FormCanvas(AppDefinition app, Locale locale, Consumer<Drop> onDrop, Consumer<String> onSelect) {
        this.app = app;
        this.locale = locale;
        this.onDrop = onDrop;
        this.onSelect = onSelect;
        setId("form-canvas");
        addClassName("form-canvas");
        // what the slot under a dragged element says, for the stylesheet
        getStyle().set("--drop-hint", "\"" + getTranslation("form.dropHere").replace("\"", "'") + "\"");
    }

    void show(FormDefinition form, String selectedId) {
        removeAll();
        if (form.elements().isEmpty()) {
            var empty = slot(null, 0);
            empty.addClassName("empty-canvas");
            empty.setId("empty-canvas");
            empty.add(new Span(getTranslation("form.emptyCanvas")));
            add(empty);
            return;
        }
        addChildren(this, form.elements(), null, selectedId);
        // the rest of the canvas, below the last element, takes drops too
        getChildren().reduce((first, last) -> last).ifPresent(end -> ((Div) end).addClassName("canvas-end"));
    }

    /**
     * While something is dragged in the area (the palette and the canvas), marks the canvas as
     * {@code dragging} so the slots show; and lets Enter or Space add a palette entry or select a box.
     */
    void watch(Component area) {
        area.getElement().executeJs("""
                const canvas = $0;
                const dragged = e => e.target instanceof Element && e.target.closest('.palette-entry, .form-element');
                // a frame later: changing the page during dragstart would end the drag at once
                this.addEventListener('dragstart', e => {
                  if (dragged(e)) setTimeout(() => canvas.classList.add('dragging'));
                }, true);
                const end = () => setTimeout(() => canvas.classList.remove('dragging'));
                this.addEventListener('dragend', end, true);
                this.addEventListener('drop', end, true);
                this.addEventListener('keydown', e => {
                  if ((e.key === 'Enter' || e.key === ' ') && e.target.matches('.palette-entry, .form-element')) {
                    e.preventDefault();
                    e.target.click();
                  }
                });""", getElement());
    }

    /** Puts the keyboard on an element's box, e.g. one just added that has no name to type. */
    void focus(String id) {
        getElement().executeJs("setTimeout(() => { const box = this.querySelector(`[data-element=\"${$0}\"]`);"
                + " if (box) box.focus(); })", id);
    }

    private void addChildren(Div into, List<? extends FormElement> children, String parentId, String selectedId) {
        for (int i = 0; i < children.size(); i++) {
            into.add(slot(parentId, i));
            into.add(box(children.get(i), selectedId));
        }
        into.add(slot(parentId, children.size()));
    }

    private Component box(FormElement element, String selectedId) {
        var box = new Div();
        box.addClassName("form-element");
        box.getElement().setAttribute("data-element", element.id());
        box.getElement().setAttribute("tabindex", "0");
        box.getElement().setAttribute("role", "button");
        box.getElement().setAttribute("aria-label", caption(element));
        boolean selected = element.id().equals(selectedId);
        box.getElement().setAttribute("aria-pressed", String.valueOf(selected));
        if (selected) {
            box.getElement().setAttribute("data-selected", "");
        }
        box.getStyle().set("border", selected ? "2px solid var(--lumo-primary-color)"
                        : "1px dashed var(--lumo-contrast-30pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("background", selected ? "var(--lumo-primary-color-10pct)" : "var(--lumo-base-color)")
                .set("cursor", "grab");
        var caption = new Span();
        caption.add(icon(element).create(), new Span(" " + caption(element)));
        caption.addClassName("element-caption");
        caption.getStyle().set("font-size", "var(--lumo-font-size-s)").set("display", "flex").set("gap", "0.3em")
                .set("align-items", "center");
        if (element.visibleWhen() != null || element.readOnlyWhen() != null) {
            var conditional = VaadinIcon.EYE.create();
            conditional.setSize("0.9em");
            conditional.getElement().setAttribute("title", "conditional");
            caption.add(conditional);
        }
        box.add(caption);
        // the innermost box clicked is the one selected, not the containers around it
        box.getElement().addEventListener("click", e -> onSelect.accept(element.id())).stopPropagation();
        var drag = DragSource.create(box);
        drag.setDragData(new Moving(element.id()));
        if (element instanceof FormElement.Row row) {
            var columns = new Div();
            columns.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");
            for (var column : row.columns()) {
                var cell = (Div) box(column, selectedId);
                cell.getStyle().set("flex", column.span() + " 1 0").set("min-width", "0");
                columns.add(cell);
            }
            columns.add(slot(row.id(), row.columns().size()));
            box.add(columns);
        } else if (!(element instanceof FormElement.Field) && !(element instanceof FormElement.Text)
                && !(element instanceof FormElement.RelatedList) && !(element instanceof FormElement.Button)) {
            var inner = new Div();
            inner.getStyle().set("padding-left", "var(--lumo-space-m)");
            addChildren(inner, element.children(), element.id(), selectedId);
            box.add(inner);
        }
        return box;
    }

    /** A place between elements that takes drops; its looks are in the stylesheet. */
    private Div slot(String parentId, int index) {
        var slot = new Div();
        slot.addClassName("drop-slot");
        slot.getElement().setAttribute("data-parent", parentId == null ? "" : parentId);
        slot.getElement().setAttribute("data-index", String.valueOf(index));
        var target = DropTarget.create(slot);
        target.setDropEffect(DropEffect.MOVE);
        target.addDropListener(e -> e.getDragData().ifPresent(data -> onDrop.accept(new Drop(data, parentId, index))));
        return slot;
    }

    /** What the element is called on the canvas, e.g. a field's name or a block's title. */
    String caption(FormElement element) {
        return switch (element) {
            case FormElement.Field f -> app.field(f.field()).map(d -> d.name().in(locale)).orElse(f.field())
                    + (f.required() ? " *" : "");
            case FormElement.Tabs t -> getTranslation("form.kind.tabs");
            case FormElement.Tab t -> t.label().in(locale);
            case FormElement.Block b -> b.title().isBlank() ? getTranslation("form.kind.block") : b.title().in(locale);
            case FormElement.Row r -> getTranslation("form.kind.row");
            case FormElement.Column c -> c.span() + "/12";
            case FormElement.Text t -> shorten(t.text().in(locale));
            case FormElement.RelatedList l -> l.title().in(locale);
            case FormElement.Button b -> b.label().in(locale);
        };
    }

    private static VaadinIcon icon(FormElement element) {
        return switch (element) {
            case FormElement.Field f -> VaadinIcon.INPUT;
            case FormElement.Tabs t -> VaadinIcon.TABS;
            case FormElement.Tab t -> VaadinIcon.FOLDER_O;
            case FormElement.Block b -> VaadinIcon.BROWSER;
            case FormElement.Row r -> VaadinIcon.GRID_H;
            case FormElement.Column c -> VaadinIcon.GRID_V;
            case FormElement.Text t -> VaadinIcon.TEXT_LABEL;
            case FormElement.RelatedList l -> VaadinIcon.LIST;
            case FormElement.Button b -> VaadinIcon.PLAY;
        };
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }
}
