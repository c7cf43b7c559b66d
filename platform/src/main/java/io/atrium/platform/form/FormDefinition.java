package io.atrium.platform.form;

import io.atrium.platform.app.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A form: its name and its layout. A draft and every published version are each one of these.
 *
 * @param elements the top of the layout tree, in order
 */
public record FormDefinition(FormRef ref, LocalizedText name, List<FormElement> elements) {

    public FormDefinition {
        name = name == null ? LocalizedText.of("") : name;
        elements = FormElement.listOf(elements);
    }

    /** Visits every element, parents before their children. */
    public void forEach(Consumer<FormElement> visitor) {
        walk(elements, visitor);
    }

    private static void walk(List<? extends FormElement> elements, Consumer<FormElement> visitor) {
        for (FormElement element : elements) {
            visitor.accept(element);
            walk(element.children(), visitor);
        }
    }

    /** Every element, parents before their children. */
    public List<FormElement> all() {
        var result = new ArrayList<FormElement>();
        forEach(result::add);
        return result;
    }

    public Optional<FormElement> element(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The field widgets, in layout order. */
    public List<FormElement.Field> fields() {
        return all().stream().filter(FormElement.Field.class::isInstance).map(FormElement.Field.class::cast)
                .toList();
    }
}
