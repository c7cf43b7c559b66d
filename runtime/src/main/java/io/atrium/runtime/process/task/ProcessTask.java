package io.atrium.runtime.process.task;

import io.atrium.platform.process.ProcessRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user task in the platform's inbox.
 *
 * @param id            the engine's job key, as text
 * @param process       the process it belongs to; null for an engine process the platform did not publish
 * @param assignee      who works on it; null while it waits to be claimed
 * @param priority      0 to 100, 50 unless drawn otherwise
 * @param formReference the form it is completed with: {@code atrium:<form>}, a Camunda form id, an
 *                      embedded form key; null for none
 * @param variables     what the task sees, each as a plain value (for showing, never written back)
 */
public record ProcessTask(String id, long instanceKey, ProcessRef process, String elementId, String name,
        String assignee, List<String> candidateGroups, List<String> candidateUsers, Instant dueDate,
        Instant followUpDate, int priority, String formReference, Map<String, Object> variables, State state,
        Instant createdAt, String completedBy, Instant completedAt) {

    /** Where a task stands. */
    public enum State {
        OPEN, COMPLETED, CANCELED
    }

    public long jobKey() {
        return Long.parseLong(id);
    }
}
