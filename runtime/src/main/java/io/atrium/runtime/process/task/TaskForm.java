package io.atrium.runtime.process.task;

import io.atrium.platform.form.FormRef;
import io.atrium.runtime.process.task.schema.FormSchema;

/** The form a task is completed with, as {@link TaskForms#formOf(ProcessTask)} finds it. */
public sealed interface TaskForm {

    /** No form: the task completes with no variables (administrators may give some). */
    record None() implements TaskForm {
    }

    /**
     * An Atrium form showing an app's item.
     *
     * @param itemId the item the task's item variable names; null when the process set none (the
     *               form's values then go to the process only)
     */
    record AtriumForm(FormRef ref, String itemId) implements TaskForm {
    }

    /** A Camunda Form (form-js schema), embedded in the drawing. */
    record Schema(FormSchema schema) implements TaskForm {
    }

    /**
     * A form the inbox cannot show (an external reference, or one that is gone); the task
     * completes as one without a form.
     *
     * @param reference what the task names
     * @param reason    why it cannot be shown, in English
     */
    record Unavailable(String reference, String reason) implements TaskForm {
    }
}
