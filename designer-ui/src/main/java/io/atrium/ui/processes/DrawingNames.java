package io.atrium.ui.processes;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The names elements have in a drawing, so a problem or a history says "Review offer", not its id. */
public final class DrawingNames {

    private DrawingNames() {
    }

    /** Element id to name, for the elements that have one; empty for a drawing that cannot be read. */
    public static Map<String, String> of(String bpmn) {
        var names = new HashMap<String, String>();
        try {
            var model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                if (element.getName() != null && !element.getName().isBlank()) {
                    names.put(element.getId(), element.getName().strip());
                }
            }
        } catch (RuntimeException unreadable) {
            // a published drawing was read when it was published; without names the ids show
        }
        return names;
    }
}
