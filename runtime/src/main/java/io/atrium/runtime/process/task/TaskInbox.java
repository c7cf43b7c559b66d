package io.atrium.runtime.process.task;

import com.mongodb.client.model.Filters;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.identity.Role;
import io.atrium.runtime.process.instance.JobCanceled;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The task inbox. A person sees an open task when it is theirs, or unassigned and they are among
 * its candidate users or in one of its candidate groups, or it names no candidates at all (then
 * every staff member does); administrators see every task. Only the assignee completes an
 * assigned task; an unassigned one may be completed by any candidate, which claims it. Tasks
 * complete with their form's values, checked on the server ({@link TaskCompletion}); an
 * approval's tasks record votes ({@link Approvals}).
 */
@Service
public class TaskInbox {

    /** Most tasks one listing returns. */
    public static final int MAX_LIST = 200;
    /** Most variables one completion sets. */
    public static final int MAX_VARIABLES = 100;

    /** Most open tasks a count looks at (the navigation's badge says "99+" beyond). */
    public static final int MAX_COUNT = 100;

    private final TaskStore store;
    private final CamundaClient client;
    private final TaskCompletion completion;
    private final Approvals approvals;
    private final TaskForms forms;

    TaskInbox(TaskStore store, CamundaClient client, TaskCompletion completion, Approvals approvals, TaskForms forms) {
        this.store = store;
        this.client = client;
        this.completion = completion;
        this.approvals = approvals;
        this.forms = forms;
    }

    /** How many open tasks the actor may see, up to {@link #MAX_COUNT}. */
    public long count(Actor actor) {
        return store.count(visibleTo(actor), MAX_COUNT);
    }

    /** The form the task is completed with; empty if the actor may not see the task. */
    public Optional<TaskForm> form(Actor actor, String id) {
        return get(actor, id).map(forms::formOf);
    }

    /** The votes cast so far on the approval the task is part of; empty for a user task. */
    public List<Approvals.Vote> votes(Actor actor, String id) {
        return get(actor, id).filter(ProcessTask::isApproval).map(t -> approvals.votes(t.approval().jobKey()))
                .orElse(List.of());
    }

    public List<ProcessTask> open(Actor actor, Long instanceKey, int limit) {
        return store.open(visibleTo(actor), instanceKey, Math.min(Math.max(limit, 1), MAX_LIST));
    }

    /** The task, if the actor may see it. */
    public Optional<ProcessTask> get(Actor actor, String id) {
        return store.get(id).filter(task -> sees(actor, task));
    }

    public ProcessTask claim(Actor actor, String id) {
        var task = visible(actor, id);
        if (task.assignee() != null && !task.assignee().equals(actor.username())) {
            throw new IllegalStateException("The task is assigned to " + task.assignee());
        }
        return store.assign(id, task.assignee(), actor.username())
                .orElseThrow(() -> new IllegalStateException("The task changed meanwhile; look again"));
    }

    public ProcessTask unclaim(Actor actor, String id) {
        var task = visible(actor, id);
        requireAssigneeOrAdmin(actor, task);
        return store.assign(id, task.assignee(), null)
                .orElseThrow(() -> new IllegalStateException("The task changed meanwhile; look again"));
    }

    public ProcessTask delegate(Actor actor, String id, String to) {
        var task = visible(actor, id);
        if (task.assignee() == null ? !sees(actor, task) : !task.assignee().equals(actor.username())
                && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only the assignee or an administrator may hand the task on");
        }
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("Name the user to hand the task to");
        }
        return store.assign(id, task.assignee(), to.strip())
                .orElseThrow(() -> new IllegalStateException("The task changed meanwhile; look again"));
    }

    /**
     * Completes the task with the variables, which the process receives.
     *
     * @throws IllegalStateException if it is done, or someone else is completing it
     */
    public void complete(Actor actor, String id, Map<String, Object> variables) {
        complete(actor, id, variables, null);
    }

    /**
     * Completes the task with the values of its form: a Camunda Form's values are checked by its
     * rules; an Atrium form's changes are saved to its item first (as the item's version the form
     * showed, when given); an approval's task records the decision {@code approved} with an
     * optional {@code comment}, and the approval's rule decides when the job completes.
     *
     * @param itemVersion the item version an Atrium form showed; null to take the current one
     * @throws io.atrium.platform.app.ValidationException naming each field the form refuses
     */
    public void complete(Actor actor, String id, Map<String, Object> variables, Long itemVersion) {
        var task = visible(actor, id);
        if (task.state() != ProcessTask.State.OPEN) {
            throw new IllegalStateException("The task is " + task.state().name().toLowerCase() + " already");
        }
        if (task.assignee() != null && !task.assignee().equals(actor.username()) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("The task is assigned to " + task.assignee());
        }
        if (variables.size() > MAX_VARIABLES) {
            throw new IllegalArgumentException("A task completes with at most " + MAX_VARIABLES + " variables");
        }
        variables.keySet().forEach(TaskInbox::checkName);
        if (task.isApproval()) {
            approvals.decide(actor, task, variables);
            return;
        }
        var plan = completion.plan(actor, task, variables, itemVersion);
        if (!store.takeForCompletion(id, actor.username())) {
            throw new IllegalStateException("Someone is completing the task right now");
        }
        try {
            plan.save().run();
            client.newCompleteCommand(task.jobKey()).variables(plan.variables()).send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                store.canceled(id);
                throw new IllegalStateException("The process has moved on; the task is no longer open");
            }
            store.release(id);
            throw e;
        } catch (RuntimeException e) {
            store.release(id);
            throw e;
        }
        store.completed(id, actor.username());
    }

    @EventListener
    void on(JobCanceled canceled) {
        if (UserTaskWorker.TYPE.equals(canceled.type())) {
            store.canceled(Long.toString(canceled.jobKey()));
        } else if (ApprovalWorker.TYPE.equals(canceled.type())) {
            approvals.canceled(canceled.jobKey());
        }
    }

    private ProcessTask visible(Actor actor, String id) {
        return get(actor, id).orElseThrow(() -> new NoSuchElementException("No task " + id));
    }

    private static void requireAssigneeOrAdmin(Actor actor, ProcessTask task) {
        if (!actor.username().equals(task.assignee()) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only the assignee or an administrator may give the task back");
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 100 || name.startsWith("$") || name.contains(".")) {
            throw new IllegalArgumentException("A variable name has 1 to 100 characters, no dot, no leading $: " + name);
        }
    }

    static boolean sees(Actor actor, ProcessTask task) {
        if (actor.has(Role.ADMIN) || actor.username().equals(task.assignee())) {
            return true;
        }
        if (task.assignee() != null || actor.has(Role.PORTAL_USER)) {
            return false;
        }
        boolean open = task.candidateGroups().isEmpty() && task.candidateUsers().isEmpty();
        return open || task.candidateUsers().contains(actor.username())
                || task.candidateGroups().stream().anyMatch(actor.groups()::contains);
    }

    private static Bson visibleTo(Actor actor) {
        if (actor.has(Role.ADMIN)) {
            return Filters.empty();
        }
        var mine = Filters.eq("assignee", actor.username());
        if (actor.has(Role.PORTAL_USER)) {
            return mine;
        }
        var unassigned = Filters.eq("assignee", null);
        var candidate = Filters.or(Filters.in("candidateUsers", actor.username()),
                Filters.in("candidateGroups", List.copyOf(actor.groups())),
                Filters.and(Filters.size("candidateUsers", 0), Filters.size("candidateGroups", 0)));
        return Filters.or(mine, Filters.and(unassigned, candidate));
    }
}
