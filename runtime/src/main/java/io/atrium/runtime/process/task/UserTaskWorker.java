package io.atrium.runtime.process.task;

import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.PublishedProcess;
import io.atrium.runtime.process.deploy.BpmnPreparation;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes user tasks from the engine into the inbox. Both kinds Modeler draws arrive here as jobs
 * of type {@code io.camunda.zeebe:userTask}: job-worker user tasks as drawn, Camunda user tasks
 * after deployment turned them into job-worker ones (ADR 0012). A job is held for a long
 * timeout while people work on it; if it comes back, the task (keyed by the job) is still one.
 */
@Component
class UserTaskWorker implements SmartLifecycle {

    static final String TYPE = "io.camunda.zeebe:userTask";
    private static final String HEADER = "io.camunda.zeebe:";
    /** The header naming the variable that holds the item an Atrium task form shows (default {@code itemId}). */
    static final String ITEM_VARIABLE_HEADER = "atrium:itemVariable";
    private static final Duration HOLD = Duration.ofDays(30);
    private static final int MAX_VARIABLE_CHARS = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CamundaClient client;
    private final TaskStore store;
    private final ProcessCatalog catalog;
    private final ElementNames names;
    private JobWorker worker;

    UserTaskWorker(CamundaClient client, TaskStore store, ProcessCatalog catalog, ElementNames names) {
        this.client = client;
        this.store = store;
        this.catalog = catalog;
        this.names = names;
    }

    @Override
    public synchronized void start() {
        worker = client.newWorker().jobType(TYPE).handler((jobs, job) -> store.offered(toTask(job)))
                .name("atrium-inbox").maxJobsActive(64).timeout(HOLD).pollInterval(Duration.ofMillis(100)).open();
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return worker != null;
    }

    private ProcessTask toTask(ActivatedJob job) {
        Map<String, String> headers = job.getCustomHeaders();
        Map<String, Object> variables = job.getVariablesAsMap();
        var process = catalog.byDefinitionKey(job.getProcessDefinitionKey()).map(PublishedProcess::ref).orElse(null);
        String form = headers.getOrDefault(BpmnPreparation.FORM_ID_HEADER,
                headers.getOrDefault(BpmnPreparation.FORM_REFERENCE_HEADER, headers.get(HEADER + "formKey")));
        return new ProcessTask(Long.toString(job.getKey()), job.getProcessInstanceKey(), process,
                job.getProcessDefinitionKey(), job.getElementId(),
                names.of(job.getProcessDefinitionKey(), job.getElementId()), blankToNull(headers.get(HEADER + "assignee")),
                list(headers.get(HEADER + "candidateGroups")), list(headers.get(HEADER + "candidateUsers")),
                instant(headers.get(HEADER + "dueDate")), instant(headers.get(HEADER + "followUpDate")),
                priority(variables.get(BpmnPreparation.PRIORITY_VARIABLE)), form,
                blankToNull(headers.get(ITEM_VARIABLE_HEADER)), shown(variables), null,
                ProcessTask.State.OPEN, Instant.now(), null, null);
    }

    /** Candidates arrive as a JSON list, or as text separated by commas when drawn so. */
    static List<String> list(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        String text = header.strip();
        if (text.startsWith("[")) {
            var out = new ArrayList<String>();
            JSON.readTree(text).forEach(node -> out.add(node.asString()));
            return out.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return List.of(text.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int priority(Object value) {
        if (value instanceof Number number) {
            return Math.clamp(number.intValue(), 0, 100);
        }
        return 50;
    }

    /** Variables to show on the task, the big ones cut short. */
    static Map<String, Object> shown(Map<String, Object> variables) {
        var out = new LinkedHashMap<String, Object>();
        variables.forEach((name, value) -> {
            if (name.startsWith("$") || name.contains(".") || name.equals(BpmnPreparation.PRIORITY_VARIABLE)) {
                return;
            }
            String text = value == null ? null : JSON.writeValueAsString(value);
            out.put(name, text != null && text.length() > MAX_VARIABLE_CHARS ? text.substring(0, MAX_VARIABLE_CHARS) + "…"
                    : value);
        });
        return out;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
