package io.atrium.runtime.process.instance;

import io.atrium.platform.process.ProcessRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A process instance as the platform knows it.
 *
 * @param version    the process's published version it runs on; 0 when not (yet) known
 * @param variables  the instance's own variables, each as JSON text
 * @param elements   what it went through and where it stands, in order of activation
 * @param flows      the sequence flows it took
 * @param incidents  what stopped it, open ones and resolved ones
 */
public record ProcessInstance(long key, ProcessRef process, int version, long definitionKey, InstanceState state,
        Instant startedAt, String startedBy, Instant endedAt, long parentKey, Map<String, String> variables,
        List<Element> elements, List<String> flows, List<Incident> incidents) {

    /** One element instance. */
    public record Element(long key, String elementId, String type, String state, Instant startedAt, Instant endedAt) {

        public boolean active() {
            return endedAt == null;
        }
    }

    /** An incident: an element that cannot go on until someone acts. */
    public record Incident(long key, String elementId, long elementInstanceKey, long jobKey, String errorType,
            String message, boolean resolved, Instant createdAt) {
    }

    public List<Incident> openIncidents() {
        return incidents.stream().filter(i -> !i.resolved()).toList();
    }
}
