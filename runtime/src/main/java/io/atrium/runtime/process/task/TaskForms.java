package io.atrium.runtime.process.task;

import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormRef;
import io.atrium.platform.form.FormSummary;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the form a user task names. Three ways, as Camunda Modeler writes them: a form key
 * {@code atrium:<form>} naming an Atrium form (e.g. {@code atrium:sales/deals#task@process:sales/offer/approve}),
 * a linked form id naming an Atrium form by its Camunda Forms id, or a form embedded in the BPMN
 * ({@code camunda-forms:bpmn:<id>}), which the engine carries itself.
 */
@Component
public class TaskForms {

    /** Prefix of form keys that name an Atrium form. */
    public static final String ATRIUM_KEY = "atrium:";
    private static final String EMBEDDED_KEY = "camunda-forms:bpmn:";

    private final FormCatalog forms;
    private final AppCatalog apps;

    public TaskForms(FormCatalog forms, AppCatalog apps) {
        this.forms = forms;
        this.apps = apps;
    }

    /** What is wrong with the reference, if anything. */
    public Optional<String> problem(String reference) {
        if (reference.startsWith(EMBEDDED_KEY)) {
            return Optional.empty();
        }
        return resolve(reference).isPresent() ? Optional.empty() : Optional.of(reference);
    }

    /** The Atrium form the reference names. */
    public Optional<FormRef> resolve(String reference) {
        if (reference.startsWith(ATRIUM_KEY)) {
            try {
                var ref = FormRef.parse(reference.substring(ATRIUM_KEY.length()));
                boolean exists = ref.purpose().owned() ? forms.current(ref).isPresent()
                        : apps.current(ref.app()).isPresent();
                return exists ? Optional.of(ref) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return forms.summaries().stream().filter(s -> s.status().publishedVersion() > 0)
                .filter(s -> formJsId(s).equals(reference)).map(FormSummary::ref).findFirst();
    }

    /** The id the form has in Camunda Forms: the one it was imported with, else the one its export writes. */
    private static String formJsId(FormSummary summary) {
        if (summary.definition().formJsId() != null) {
            return summary.definition().formJsId();
        }
        var ref = summary.ref();
        return ref.app().code() + "_" + ref.purpose().name().toLowerCase(Locale.ROOT);
    }
}
