package io.atrium.ui.monitor;

import io.atrium.runtime.process.instance.ProcessInstance;
import io.atrium.ui.processes.BpmnModeler;
import java.util.LinkedHashSet;

/** What the diagram of an instance colours: where it stands, what it went through, what stopped it. */
final class InstanceMarks {

    private InstanceMarks() {
    }

    static BpmnModeler.InstanceMarks of(ProcessInstance instance) {
        var active = new LinkedHashSet<String>();
        var passed = new LinkedHashSet<String>();
        for (var element : instance.elements()) {
            if ("PROCESS".equals(element.type())) {
                continue; // the instance itself: the whole diagram
            }
            (element.active() ? active : passed).add(element.elementId());
        }
        passed.removeAll(active); // a loop stands where it passed before: it stands there now
        var incidents = instance.openIncidents().stream()
                .map(i -> new BpmnModeler.ElementIncident(i.elementId(), i.message())).toList();
        return new BpmnModeler.InstanceMarks(active, passed, new LinkedHashSet<>(instance.flows()), incidents);
    }
}
