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
 * @param formJsId the id of the Camunda Forms (form-js) schema it was imported from, written back on
 *                 export so that Camunda user tasks linked to that form id still find it; null when
 *                 the form was designed here (forms stored before this existed read as null)
 * @param scripts  the scripts it runs on its events; {@link FormScripts#NONE} when it runs none
 *                 (forms stored before scripts existed read as none)
 */
public record FormDefinition(FormRef ref, LocalizedText name, List<FormElement> elements, String formJsId,
        FormScripts scripts) {

    public FormDefinition {
        name = name == null ? LocalizedText.of("") : name;
        elements = FormElement.listOf(elements);
        formJsId = formJsId == null || formJsId.isBlank() ? null : formJsId;
        scripts = scripts == null ? FormScripts.NONE : scripts;
    }

    /** A form that runs no scripts. */
    public FormDefinition(FormRef ref, LocalizedText name, List<FormElement> elements, String formJsId) {
        this(ref, name, elements, formJsId, FormScripts.NONE);
    }

    /** A form designed here, with no form-js schema behind it. */
    public FormDefinition(FormRef ref, LocalizedText name, List<FormElement> elements) {
        this(ref, name, elements, null, FormScripts.NONE);
    }

    /** The same form with another layout; the name and the form-js id stay. */
    public FormDefinition withElements(List<FormElement> replaced) {
        return new FormDefinition(ref, name, replaced, formJsId, scripts);
    }

    /** The same form running other scripts. */
    public FormDefinition withScripts(FormScripts replaced) {
        return new FormDefinition(ref, name, elements, formJsId, replaced);
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
