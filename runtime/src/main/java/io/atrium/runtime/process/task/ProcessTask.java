package io.atrium.runtime.process.task;

import io.atrium.platform.process.ProcessRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user task in the platform's inbox.
 *
 * @param id            the engine's job key, as text; for an approval, the job key and the approver
 * @param process       the process it belongs to; null for an engine process the platform did not publish
 * @param definitionKey the engine definition it runs in (its drawing holds embedded forms); 0 when unknown
 * @param assignee      who works on it; null while it waits to be claimed
 * @param priority      0 to 100, 50 unless drawn otherwise
 * @param formReference the form it is completed with: {@code atrium:<form>}, a Camunda form id, an
 *                      embedded form key; null for none
 * @param itemVariable  the variable naming the item an Atrium form shows ({@code itemId} unless the
 *                      task's header {@code atrium:itemVariable} says otherwise)
 * @param variables     what the task sees, each as a plain value (for showing, never written back)
 * @param approval      what the task decides when it is one approver's part of an approval; null for a user task
 */
public record ProcessTask(String id, long instanceKey, ProcessRef process, long definitionKey, String elementId,
        String name, String assignee, List<String> candidateGroups, List<String> candidateUsers, Instant dueDate,
        Instant followUpDate, int priority, String formReference, String itemVariable, Map<String, Object> variables,
        Approval approval, State state, Instant createdAt, String completedBy, Instant completedAt) {

    /** The variable an Atrium task form finds its item in unless the task names another. */
    public static final String ITEM_VARIABLE = "itemId";

    public ProcessTask {
        itemVariable = itemVariable == null || itemVariable.isBlank() ? ITEM_VARIABLE : itemVariable;
    }

    /** Where a task stands. */
    public enum State {
        OPEN, COMPLETED, CANCELED
    }

    /**
     * The approval a task is one vote of.
     *
     * @param jobKey  the approval job's key
     * @param subject what is to be approved, as the process says it
     * @param rule    how the votes decide
     */
    public record Approval(long jobKey, String subject, ApprovalRule rule) {
    }

    /** The engine job the task completes (an approval's tasks share their job). */
    public long jobKey() {
        return approval != null ? approval.jobKey() : Long.parseLong(id);
    }

    /** Whether it is an approver's part of an approval rather than a user task. */
    public boolean isApproval() {
        return approval != null;
    }
}
