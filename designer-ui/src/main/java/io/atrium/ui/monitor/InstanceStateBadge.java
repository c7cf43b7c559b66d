package io.atrium.ui.monitor;

import com.vaadin.flow.component.html.Span;
import io.atrium.runtime.process.instance.ProcessInstance;

/** Where an instance stands, as a coloured badge: active, with incident, completed, canceled. */
final class InstanceStateBadge extends Span {

    InstanceStateBadge(ProcessInstance instance) {
        show(instance);
    }

    void show(ProcessInstance instance) {
        boolean incident = !instance.openIncidents().isEmpty();
        setText(incident ? getTranslation("monitor.state.INCIDENT")
                : getTranslation("monitor.state." + instance.state().name()));
        getElement().getThemeList().clear();
        getElement().getThemeList().add("badge pill " + (incident ? "error" : switch (instance.state()) {
            case ACTIVE -> "";
            case COMPLETED -> "success";
            case CANCELED -> "contrast";
        }));
    }
}
