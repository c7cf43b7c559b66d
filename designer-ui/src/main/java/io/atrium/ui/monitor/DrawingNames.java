package io.atrium.ui.monitor;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The names elements have in a drawing, so the history says "Review offer", not its id. */
final class DrawingNames {

    private DrawingNames() {
    }

    static Map<String, String> of(String bpmn) {
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
