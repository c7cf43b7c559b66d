package io.atrium.runtime.api.internal;

import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.instance.InstanceState;
import io.atrium.runtime.process.instance.ProcessInstances;
import io.atrium.runtime.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Process instances: start one with variables, list and read them (state, variables, where they
 * went, incidents), cancel one, retry its incidents.
 */
@RestController
@RequestMapping("/api/v1/process-instances")
@Tag(name = "Process instances", description = "Start, watch, cancel and retry process instances")
class ProcessInstancesController {

    private final ProcessInstances instances;
    private final Actors actors;

    ProcessInstancesController(ProcessInstances instances, Actors actors) {
        this.instances = instances;
        this.actors = actors;
    }

    @PostMapping
    @Operation(operationId = "startProcessInstance", summary = "Start the current version of a process",
            description = "Body: {\"process\": \"workspace/code\", \"variables\": {…}}. Answers 201 with the instance's key.")
    ResponseEntity<Map<String, Object>> start(@RequestBody JsonNode body, Authentication auth) {
        JsonInput.object(body, "");
        String process = JsonInput.text(body, "process", "process", 141, null);
        if (process == null) {
            throw new IllegalArgumentException("Name the process to start: {\"process\": \"workspace/code\"}");
        }
        var started = instances.start(actors.of(auth), ProcessRef.parse(process), ProcessJson.variables(body));
        var out = new LinkedHashMap<String, Object>();
        out.put("key", String.valueOf(started.key()));
        out.put("process", started.process().toString());
        out.put("version", started.version());
        out.put("state", InstanceState.ACTIVE.name());
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/process-instances/" + started.key())
                .body(out);
    }

    @GetMapping
    @Operation(operationId = "listProcessInstances", summary = "Instances newest first, by process and state")
    List<Map<String, Object>> list(@RequestParam(required = false) String process,
            @RequestParam(required = false) String state, @RequestParam(defaultValue = "50") int limit,
            Authentication auth) {
        if (limit < 1 || limit > ProcessInstances.MAX_LIST) {
            throw new IllegalArgumentException("limit is 1 to " + ProcessInstances.MAX_LIST);
        }
        InstanceState parsed = null;
        if (state != null) {
            try {
                parsed = InstanceState.valueOf(state.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("state is ACTIVE, COMPLETED or CANCELED, not " + state, e);
            }
        }
        return instances.list(actors.of(auth), process == null ? null : ProcessRef.parse(process), parsed, limit)
                .stream().map(i -> ProcessJson.instance(i, false)).toList();
    }

    @GetMapping("/{key}")
    @Operation(operationId = "getProcessInstance", summary = "The instance: state, variables, where it stands and went, incidents")
    Map<String, Object> get(@PathVariable long key, Authentication auth) {
        return ProcessJson.instance(instances.get(actors.of(auth), key)
                .orElseThrow(() -> new NoSuchElementException("No process instance " + key)), true);
    }

    @PostMapping("/{key}/cancel")
    @Operation(operationId = "cancelProcessInstance", summary = "Cancel the instance")
    Map<String, Object> cancel(@PathVariable long key, Authentication auth) {
        try {
            instances.cancel(actors.of(auth), key);
        } catch (IllegalStateException e) {
            throw new ConflictException(e.getMessage());
        }
        return get(key, auth);
    }

    @PostMapping("/{key}/retry")
    @Operation(operationId = "retryProcessInstance", summary = "Retry the instance's incidents (or the one given by ?incident=)")
    Map<String, Object> retry(@PathVariable long key, @RequestParam(defaultValue = "0") long incident,
            Authentication auth) {
        int resolved = instances.retry(actors.of(auth), key, incident);
        if (resolved == 0) {
            throw new ConflictException("The instance " + key + " has no open incident to retry");
        }
        return Map.of("resolved", resolved);
    }
}
