package io.atrium.runtime.process.task;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.ItemValidator;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormElement;
import io.atrium.platform.form.FormState;
import io.atrium.platform.item.Items;
import io.atrium.runtime.process.task.schema.SchemaValidation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What completing a task with its form does, checked before anything is written: the values a
 * Camunda Form allows, or the item changes an Atrium form allows (saved through {@link Items}, so
 * the app's validation and permissions apply). The same rules hold for the UI and the REST API.
 */
@Component
class TaskCompletion {

    /**
     * A checked completion.
     *
     * @param variables what the job completes with
     * @param save      writes the item's changes, if any; it may still refuse (a unique value taken)
     */
    record Plan(Map<String, Object> variables, Runnable save) {
    }

    private final TaskForms forms;
    private final FormCatalog formCatalog;
    private final AppCatalog apps;
    private final Items items;
    private final ItemValidator validator = new ItemValidator();

    TaskCompletion(TaskForms forms, FormCatalog formCatalog, AppCatalog apps, Items items) {
        this.forms = forms;
        this.formCatalog = formCatalog;
        this.apps = apps;
        this.items = items;
    }

    /**
     * @param itemVersion the item version the person's form showed; null to take the current one
     * @throws ValidationException listing every value the form refuses, by its field
     */
    Plan plan(Actor actor, ProcessTask task, Map<String, Object> variables, Long itemVersion) {
        return switch (forms.formOf(task)) {
            case TaskForm.None none -> new Plan(variables, () -> { });
            case TaskForm.Unavailable unavailable -> new Plan(variables, () -> { });
            case TaskForm.Schema schema -> new Plan(SchemaValidation.check(schema.schema(), variables), () -> { });
            case TaskForm.AtriumForm atrium -> atrium(actor, atrium, variables, itemVersion);
        };
    }

    private Plan atrium(Actor actor, TaskForm.AtriumForm atrium, Map<String, Object> variables, Long itemVersion) {
        var appRef = atrium.ref().app();
        var app = apps.current(appRef).orElseThrow(() -> new IllegalStateException("The app " + appRef
                + " of the task's form is not published"));
        FormDefinition form = formCatalog.effective(app.definition(), atrium.ref());
        Set<String> onForm = form.fields().stream().map(FormElement.Field::field).collect(Collectors.toSet());
        var errors = new ArrayList<FieldError>();
        variables.keySet().stream().filter(name -> !onForm.contains(name)).sorted()
                .forEach(name -> errors.add(FieldError.of(name, "unknown", MessageKey.TASK_FIELD_NOT_ON_FORM, name)));
        throwIfAny(errors);
        if (atrium.itemId() == null) { // nothing to save: the values go to the process, checked as the app checks them
            var state = FormState.evaluate(form, app.definition(), variables, actor.roles(), false);
            errors.addAll(state.check(variables));
            try {
                validator.forUpdate(app.definition(), variables, Map.of());
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            throwIfAny(errors);
            return new Plan(variables, () -> { });
        }
        var item = items.get(actor, appRef, atrium.itemId());
        var current = item.values();
        var permitted = FormState.permittedChanges(form, app.definition(), current, variables, actor.roles(), true);
        var merged = new HashMap<String, Object>(current);
        merged.putAll(permitted);
        errors.addAll(FormState.evaluate(form, app.definition(), merged, actor.roles(), true).check(merged));
        var changes = new LinkedHashMap<String, Object>();
        try {
            var stored = validator.forUpdate(app.definition(), variables, current);
            variables.keySet().forEach(name -> {
                if (!permitted.containsKey(name)) {
                    if (!Objects.equals(stored.get(name), current.get(name))) {
                        errors.add(FieldError.of(name, "readOnly", MessageKey.FIELD_READ_ONLY));
                    }
                } else if (!Objects.equals(stored.get(name), current.get(name))) {
                    changes.put(name, variables.get(name));
                }
            });
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        throwIfAny(errors);
        long version = itemVersion != null ? itemVersion : item.version();
        return new Plan(new LinkedHashMap<>(permitted), changes.isEmpty() ? () -> { }
                : () -> items.update(actor, appRef, item.id(), version, changes));
    }

    private static void throwIfAny(java.util.List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
