package io.atrium.runtime.process.task;

import io.atrium.platform.process.ProcessCatalog;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The names elements have in the drawing of a deployed definition (jobs carry only ids). */
@Component
class ElementNames {

    private final ProcessCatalog catalog;
    private final Map<Long, Map<String, String>> names = new ConcurrentHashMap<>();

    ElementNames(ProcessCatalog catalog) {
        this.catalog = catalog;
    }

    /** The element's name, else its id. */
    String of(long definitionKey, String elementId) {
        return names.computeIfAbsent(definitionKey, this::read).getOrDefault(elementId, elementId);
    }

    private Map<String, String> read(long definitionKey) {
        var out = new HashMap<String, String>();
        catalog.byDefinitionKey(definitionKey).ifPresent(process -> {
            var model = Bpmn.readModelFromStream(new ByteArrayInputStream(
                    process.definition().bpmn().getBytes(StandardCharsets.UTF_8)));
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                if (element.getName() != null && !element.getName().isBlank()) {
                    out.put(element.getId(), element.getName().strip());
                }
            }
        });
        return out;
    }
}
