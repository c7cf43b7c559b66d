package io.atrium.platform.form;

import io.atrium.platform.app.Refusal;
import io.atrium.platform.app.MessageKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Changes to a form's layout tree, as a designer makes them: insert, move, replace and remove
 * elements. Forms are immutable; each change returns a new form, which makes undo a list of
 * forms. Impossible changes (a tab outside tabs, an element into itself) are refused.
 */
public final class FormEdits {

    private FormEdits() {
    }

    /**
     * Inserts an element into a container ({@code parentId} null: the top of the form) at an
     * index (past the end: appended).
     *
     * @throws IllegalArgumentException if the container does not exist or cannot hold it
     */
    public static FormDefinition insert(FormDefinition form, FormElement element, String parentId, int index) {
        if (form.element(element.id()).isPresent()) {
            throw new Refusal(MessageKey.FORM_EDIT_DUPLICATE, element.id());
        }
        return place(form, element, parentId, index);
    }

    /** Moves an element, with everything inside it, to another place. */
    public static FormDefinition move(FormDefinition form, String id, String parentId, int index) {
        FormElement element = form.element(id)
                .orElseThrow(() -> new Refusal(MessageKey.FORM_EDIT_NO_ELEMENT, id));
        if (parentId != null && (parentId.equals(id) || contains(element, parentId))) {
            throw new Refusal(MessageKey.FORM_EDIT_INSIDE_ITSELF);
        }
        // the index counts positions in the container as it is before the move
        Optional<String> from = parentOf(form, id);
        int at = index;
        if (from.equals(Optional.ofNullable(parentId))) {
            int current = childrenOf(form, parentId).stream().map(FormElement::id).toList().indexOf(id);
            if (current < index) {
                at--;
            }
        }
        return place(remove(form, id), element, parentId, at);
    }

    /** Replaces the element with the same id (e.g. after its properties changed). */
    public static FormDefinition replace(FormDefinition form, FormElement element) {
        return form.withElements(map(form.elements(), element.id(), e -> List.of(element)));
    }

    public static FormDefinition remove(FormDefinition form, String id) {
        return form.withElements(map(form.elements(), id, e -> List.of()));
    }

    /** The id of the element's container, empty at the top of the form. */
    public static Optional<String> parentOf(FormDefinition form, String id) {
        for (FormElement candidate : form.all()) {
            if (candidate.children().stream().anyMatch(c -> c.id().equals(id))) {
                return Optional.of(candidate.id());
            }
        }
        return Optional.empty();
    }

    /** A new id for an element of the form: {@code prefix-1}, {@code prefix-2}, … */
    public static String newId(FormDefinition form, String prefix) {
        int n = 1;
        while (form.element(prefix + "-" + n).isPresent()) {
            n++;
        }
        return prefix + "-" + n;
    }

    private static List<? extends FormElement> childrenOf(FormDefinition form, String parentId) {
        if (parentId == null) {
            return form.elements();
        }
        return form.element(parentId).map(FormElement::children).orElse(List.of());
    }

    private static boolean contains(FormElement element, String id) {
        return element.children().stream().anyMatch(c -> c.id().equals(id) || contains(c, id));
    }

    private static FormDefinition place(FormDefinition form, FormElement element, String parentId, int index) {
        if (parentId == null) {
            if (element instanceof FormElement.Tab || element instanceof FormElement.Column) {
                throw new Refusal(MessageKey.FORM_EDIT_ALONE);
            }
            return form.withElements(insertAt(form.elements(), element, index));
        }
        FormElement parent = form.element(parentId)
                .orElseThrow(() -> new Refusal(MessageKey.FORM_EDIT_NO_ELEMENT, parentId));
        return replace(form, withChild(parent, element, index));
    }

    /** The container with the element added among its children. */
    private static FormElement withChild(FormElement parent, FormElement child, int index) {
        return switch (parent) {
            case FormElement.Tabs t when child instanceof FormElement.Tab tab ->
                    new FormElement.Tabs(t.id(), insertAt(t.tabs(), tab, index), t.visibleWhen(), t.readOnlyWhen());
            case FormElement.Row r when child instanceof FormElement.Column column ->
                    new FormElement.Row(r.id(), insertAt(r.columns(), column, index), r.visibleWhen(),
                            r.readOnlyWhen());
            case FormElement.Tab t when isPlain(child) -> new FormElement.Tab(t.id(), t.label(),
                    insertAt(t.elements(), child, index), t.visibleWhen(), t.readOnlyWhen());
            case FormElement.Block b when isPlain(child) -> new FormElement.Block(b.id(), b.title(), b.collapsible(),
                    b.collapsed(), insertAt(b.elements(), child, index), b.visibleWhen(), b.readOnlyWhen());
            case FormElement.Column c when isPlain(child) -> new FormElement.Column(c.id(), c.span(),
                    insertAt(c.elements(), child, index), c.visibleWhen(), c.readOnlyWhen());
            default -> throw new Refusal(MessageKey.FORM_EDIT_CANNOT_HOLD);
        };
    }

    private static boolean isPlain(FormElement element) {
        return !(element instanceof FormElement.Tab) && !(element instanceof FormElement.Column);
    }

    private static <T> List<T> insertAt(List<? extends T> list, T element, int index) {
        var copy = new ArrayList<T>(list);
        copy.add(Math.max(0, Math.min(index, copy.size())), element);
        return copy;
    }

    /** Rebuilds the tree with the element of that id turned into the given elements (none, one). */
    private static List<FormElement> map(List<? extends FormElement> elements, String id,
            java.util.function.Function<FormElement, List<FormElement>> change) {
        var result = new ArrayList<FormElement>();
        for (FormElement element : elements) {
            if (element.id().equals(id)) {
                result.addAll(change.apply(element));
            } else {
                result.add(withChildren(element, map(element.children(), id, change)));
            }
        }
        return result;
    }

    private static FormElement withChildren(FormElement element, List<FormElement> children) {
        return switch (element) {
            case FormElement.Tabs t -> new FormElement.Tabs(t.id(), children.stream()
                    .map(FormElement.Tab.class::cast).toList(), t.visibleWhen(), t.readOnlyWhen());
            case FormElement.Tab t -> new FormElement.Tab(t.id(), t.label(), children, t.visibleWhen(),
                    t.readOnlyWhen());
            case FormElement.Block b -> new FormElement.Block(b.id(), b.title(), b.collapsible(), b.collapsed(),
                    children, b.visibleWhen(), b.readOnlyWhen());
            case FormElement.Row r -> new FormElement.Row(r.id(), children.stream()
                    .map(FormElement.Column.class::cast).toList(), r.visibleWhen(), r.readOnlyWhen());
            case FormElement.Column c -> new FormElement.Column(c.id(), c.span(), children, c.visibleWhen(),
                    c.readOnlyWhen());
            default -> element;
        };
    }
}
