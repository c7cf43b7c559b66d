package io.atrium.runtime.process.instance;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.Absence;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.identity.Role;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessRef;
import io.atrium.platform.process.PublishedProcess;
import io.camunda.client.CamundaClient;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Starts, reads and steers process instances. Starting a process by its name runs its current
 * version; an instance keeps the version it started on. Starting, cancelling and retrying take
 * an administrator, analyst or developer; watching also a supervisor. Features that start
 * processes on their own account (a form button, an item event) use {@link #startAs}.
 */
@Service
public class ProcessInstances {

    /** Most instances one listing returns. */
    public static final int MAX_LIST = 200;

    private final CamundaClient client;
    private final ProcessCatalog catalog;
    private final InstanceStore store;

    public ProcessInstances(CamundaClient client, ProcessCatalog catalog, InstanceStore store) {
        this.client = client;
        this.catalog = catalog;
        this.store = store;
    }

    /** A started instance. */
    public record Started(long key, ProcessRef process, int version) {
    }

    public boolean mayStart(Actor actor) {
        return actor.has(Role.ADMIN) || actor.has(Role.ANALYST) || actor.has(Role.DEVELOPER);
    }

    public boolean mayWatch(Actor actor) {
        return mayStart(actor) || actor.has(Role.SUPERVISOR);
    }

    /** Starts the current version with the variables, as the actor. */
    public Started start(Actor actor, ProcessRef ref, Map<String, Object> variables) {
        if (!mayStart(actor)) {
            throw new AccessDeniedException(actor.username() + " may not start processes");
        }
        return startAs(actor.username(), ref, variables);
    }

    /**
     * Starts the current version for a feature that checked its own permissions.
     *
     * @param startedBy who or what the start is recorded for
     */
    public Started startAs(String startedBy, ProcessRef ref, Map<String, Object> variables) {
        PublishedProcess process = catalog.current(ref)
                .orElseThrow(() -> new Absence(MessageKey.PROCESS_NOT_PUBLISHED, ref));
        var created = client.newCreateInstanceCommand()
                .processDefinitionKey(process.deployment().definitionKey())
                .variables(variables).send().join();
        store.started(created.getProcessInstanceKey(), ref, process.version(),
                process.deployment().definitionKey(), startedBy);
        return new Started(created.getProcessInstanceKey(), ref, process.version());
    }

    public Optional<ProcessInstance> get(Actor actor, long key) {
        requireWatcher(actor);
        return store.get(key).map(this::withVersion);
    }

    public List<ProcessInstance> list(Actor actor, ProcessRef process, InstanceState state, int limit) {
        requireWatcher(actor);
        return store.list(process, state, Math.min(Math.max(limit, 1), MAX_LIST)).stream().map(this::withVersion)
                .toList();
    }

    /** Instances with open incidents, newest first. */
    public List<ProcessInstance> withIncidents(Actor actor, int limit) {
        requireWatcher(actor);
        return store.withIncidents(Math.min(Math.max(limit, 1), MAX_LIST)).stream().map(this::withVersion).toList();
    }

    public void cancel(Actor actor, long key) {
        if (!mayStart(actor)) {
            throw new AccessDeniedException(actor.username() + " may not cancel processes");
        }
        var instance = store.get(key).orElseThrow(() -> new NoSuchElementException("No process instance " + key));
        if (instance.state() != InstanceState.ACTIVE) {
            throw new IllegalStateException("The instance " + key + " is " + instance.state() + ", not active");
        }
        client.newCancelInstanceCommand(key).send().join();
        store.canceled(key);
    }

    /**
     * Gives the failed job of each open incident (or of the one named) one more try and resolves it.
     *
     * @param incidentKey 0 for every open incident of the instance
     * @return how many incidents were resolved
     */
    public int retry(Actor actor, long key, long incidentKey) {
        if (!mayStart(actor)) {
            throw new AccessDeniedException(actor.username() + " may not retry processes");
        }
        var instance = store.get(key).orElseThrow(() -> new NoSuchElementException("No process instance " + key));
        int resolved = 0;
        for (var incident : instance.openIncidents()) {
            if (incidentKey != 0 && incident.key() != incidentKey) {
                continue;
            }
            if (incident.jobKey() > 0) {
                client.newUpdateRetriesCommand(incident.jobKey()).retries(1).send().join();
            }
            client.newResolveIncidentCommand(incident.key()).send().join();
            resolved++;
        }
        return resolved;
    }

    private ProcessInstance withVersion(ProcessInstance instance) {
        if (instance.version() > 0 || instance.definitionKey() == 0) {
            return instance;
        }
        return catalog.byDefinitionKey(instance.definitionKey())
                .map(p -> new ProcessInstance(instance.key(), p.ref(), p.version(), instance.definitionKey(),
                        instance.state(), instance.startedAt(), instance.startedBy(), instance.endedAt(),
                        instance.parentKey(), instance.variables(), instance.elements(), instance.flows(),
                        instance.incidents()))
                .orElse(instance);
    }

    private void requireWatcher(Actor actor) {
        if (!mayWatch(actor)) {
            throw new AccessDeniedException(actor.username() + " may not watch processes");
        }
    }
}
