package io.atrium.runtime.process.task;

import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormRef;
import io.atrium.platform.form.FormSummary;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.runtime.process.task.schema.FormSchema;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTaskForm;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
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
    private final ObjectProvider<ProcessCatalog> processes; // the catalog deploys through a deployer that uses this
    /** Embedded form bodies by definition key and form id; a deployed drawing never changes. */
    private final Map<String, String> embedded = new ConcurrentHashMap<>();

    public TaskForms(FormCatalog forms, AppCatalog apps, ObjectProvider<ProcessCatalog> processes) {
        this.forms = forms;
        this.apps = apps;
        this.processes = processes;
    }

    /** The form the task is completed with. */
    public TaskForm formOf(ProcessTask task) {
        String reference = task.formReference();
        if (reference == null || reference.isBlank()) {
            return new TaskForm.None();
        }
        if (reference.startsWith(EMBEDDED_KEY)) {
            String id = reference.substring(EMBEDDED_KEY.length());
            var body = Optional.ofNullable(embedded.get(task.definitionKey() + "/" + id))
                    .or(() -> embeddedForm(task.definitionKey(), id));
            body.ifPresent(found -> embedded.put(task.definitionKey() + "/" + id, found));
            if (body.isEmpty()) {
                return new TaskForm.Unavailable(reference, "the process drawing holds no form " + id);
            }
            try {
                return new TaskForm.Schema(FormSchema.parse(body.get(), task.variables()));
            } catch (IllegalArgumentException e) {
                return new TaskForm.Unavailable(reference, e.getMessage());
            }
        }
        var ref = resolve(reference);
        if (ref.isEmpty()) {
            return new TaskForm.Unavailable(reference, "no published Atrium form has this name");
        }
        Object item = task.variables().get(task.itemVariable());
        return new TaskForm.AtriumForm(ref.get(), item == null || String.valueOf(item).isBlank() ? null
                : String.valueOf(item).strip());
    }

    private Optional<String> embeddedForm(long definitionKey, String id) {
        return processes.getObject().byDefinitionKey(definitionKey).flatMap(process -> {
            var model = Bpmn.readModelFromStream(new ByteArrayInputStream(
                    process.definition().bpmn().getBytes(StandardCharsets.UTF_8)));
            return model.getModelElementsByType(ZeebeUserTaskForm.class).stream()
                    .filter(form -> id.equals(form.getId())).map(ZeebeUserTaskForm::getTextContent)
                    .filter(text -> text != null && !text.isBlank()).findFirst();
        });
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
