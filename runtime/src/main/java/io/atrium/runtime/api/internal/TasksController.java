package io.atrium.runtime.api.internal;

import io.atrium.runtime.process.task.TaskInbox;
import io.atrium.runtime.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The caller's task inbox: open tasks they may see; claim, give back, hand on, complete. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "User tasks of processes: the caller's inbox")
class TasksController {

    private final TaskInbox inbox;
    private final Actors actors;

    TasksController(TaskInbox inbox, Actors actors) {
        this.inbox = inbox;
        this.actors = actors;
    }

    @GetMapping
    @Operation(operationId = "listTasks", summary = "Open tasks the caller may see, highest priority first; ?processInstance= narrows to one instance")
    List<Map<String, Object>> list(@RequestParam(required = false) Long processInstance,
            @RequestParam(defaultValue = "50") int limit, Authentication auth) {
        if (limit < 1 || limit > TaskInbox.MAX_LIST) {
            throw new IllegalArgumentException("limit is 1 to " + TaskInbox.MAX_LIST);
        }
        return inbox.open(actors.of(auth), processInstance, limit).stream().map(ProcessJson::task).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTask", summary = "One task")
    Map<String, Object> get(@PathVariable String id, Authentication auth) {
        return ProcessJson.task(inbox.get(actors.of(auth), id).orElseThrow(() -> new NoSuchElementException("No task " + id)));
    }

    @GetMapping("/{id}/form")
    @Operation(operationId = "getTaskForm", summary = "The form the task completes with: none, an Atrium form with its item, or a Camunda Form's components")
    Map<String, Object> form(@PathVariable String id, Authentication auth) {
        return ProcessJson.form(inbox.form(actors.of(auth), id).orElseThrow(() -> new NoSuchElementException("No task " + id)));
    }

    @PostMapping("/{id}/claim")
    @Operation(operationId = "claimTask", summary = "Take the task")
    Map<String, Object> claim(@PathVariable String id, Authentication auth) {
        return conflicting(() -> ProcessJson.task(inbox.claim(actors.of(auth), id)));
    }

    @PostMapping("/{id}/unclaim")
    @Operation(operationId = "unclaimTask", summary = "Give the task back to its candidates")
    Map<String, Object> unclaim(@PathVariable String id, Authentication auth) {
        return conflicting(() -> ProcessJson.task(inbox.unclaim(actors.of(auth), id)));
    }

    @PostMapping("/{id}/delegate")
    @Operation(operationId = "delegateTask", summary = "Hand the task to another user: {\"user\": \"name\"}")
    Map<String, Object> delegate(@PathVariable String id, @RequestBody JsonNode body, Authentication auth) {
        JsonInput.object(body, "");
        String user = JsonInput.text(body, "user", "user", JsonInput.NAME_MAX, null);
        return conflicting(() -> ProcessJson.task(inbox.delegate(actors.of(auth), id, user)));
    }

    @PostMapping("/{id}/complete")
    @Operation(operationId = "completeTask", summary = "Complete the task: {\"variables\": {…}} go to the process, checked by the task's form;"
            + " an approval's task takes {\"variables\": {\"approved\": true, \"comment\": \"…\"}}")
    Map<String, Object> complete(@PathVariable String id, @RequestBody(required = false) JsonNode body,
            Authentication auth) {
        if (body != null) {
            JsonInput.object(body, "");
        }
        var actor = actors.of(auth);
        conflicting(() -> {
            inbox.complete(actor, id, ProcessJson.variables(body));
            return null;
        });
        return Map.of("id", id, "state", "COMPLETED");
    }

    private static <T> T conflicting(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalStateException e) {
            throw new ConflictException(e.getMessage());
        }
    }
}
