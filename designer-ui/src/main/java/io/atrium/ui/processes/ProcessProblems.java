package io.atrium.ui.processes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What keeps a process from publishing, as a list beside the marks on the diagram: a problem on
 * an element names it, and a click selects that element in the modeler.
 */
final class ProcessProblems extends Div {

    /** A problem; an empty element concerns the whole file. */
    record Problem(String element, String message) {
    }

    private java.util.Map<String, String> names = java.util.Map.of();

    /** The names of the drawing's elements, so a problem says which element by its name. */
    void setNames(java.util.Map<String, String> names) {
        this.names = names;
    }

    private final Consumer<String> select;

    ProcessProblems(Consumer<String> select) {
        this.select = select;
        setId("process-problems");
        getStyle().set("color", "var(--lumo-error-text-color)");
        setVisible(false);
    }

    void show(List<Problem> problems) {
        removeAll();
        var list = new UnorderedList();
        for (var problem : problems) {
            var item = new ListItem();
            if (!problem.element().isEmpty()) {
                String name = names.get(problem.element());
                var element = new Button(name == null ? problem.element() : name + " (" + problem.element() + ")",
                        e -> select.accept(problem.element()));
                element.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                element.setTooltipText(getTranslation("process.showElement"));
                item.add(element, new Span(": "));
            }
            item.add(new Span(problem.message()));
            list.add(item);
        }
        add(new H3(getTranslation("process.problems")), list);
        setVisible(true);
    }

    void clear() {
        removeAll();
        setVisible(false);
    }
}
