package io.atrium.runtime.process.start;

import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessSummary;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which platform events published processes start on (their message start events' names), so
 * item changes nobody listens to cost no engine call. Re-read at most every two seconds, so a
 * process published on any node is heard within that time.
 */
@Component
class StartSubscriptions {

    private static final long TTL_NANOS = 2_000_000_000L;
    private final ProcessCatalog catalog;
    private final java.util.Map<String, Set<String>> byVersion = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Set<String> names = Set.of();
    private volatile long readAt = System.nanoTime() - 2 * TTL_NANOS;

    StartSubscriptions(ProcessCatalog catalog) {
        this.catalog = catalog;
    }

    boolean listensTo(String name) {
        if (System.nanoTime() - readAt > TTL_NANOS) {
            names = read();
            readAt = System.nanoTime();
        }
        return names.contains(name);
    }

    private Set<String> read() {
        var out = new HashSet<String>();
        for (ProcessSummary summary : catalog.summaries()) {
            if (summary.status().publishedVersion() == 0) {
                continue;
            }
            catalog.current(summary.ref()).ifPresent(current -> out.addAll(byVersion.computeIfAbsent(
                    current.ref() + "@" + current.version(), v -> startMessages(current.definition().bpmn()))));
        }
        return Set.copyOf(out);
    }

    /** The names of the messages the drawing's process starts on. */
    static Set<String> startMessages(String bpmn) {
        var out = new HashSet<String>();
        var model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
        for (var definition : model.getModelElementsByType(MessageEventDefinition.class)) {
            Message message = definition.getMessage();
            if (definition.getParentElement() instanceof StartEvent start && start.getParentElement() instanceof Process
                    && message != null && message.getName() != null) {
                out.add(message.getName());
            }
        }
        return Set.copyOf(out);
    }
}
