package io.atrium.runtime.api.internal;

import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.definition.DefinitionStatus;
import io.atrium.platform.process.ProcessDraft;
import io.atrium.platform.process.PublishedProcess;
import io.atrium.runtime.process.instance.ProcessInstance;
import io.atrium.runtime.process.task.ProcessTask;
import io.atrium.runtime.process.task.TaskForm;
import io.atrium.runtime.process.task.schema.FormComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Processes, instances and tasks as the API writes them, and variables as it reads them. */
final class ProcessJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Most variables one request sets. */
    static final int MAX_VARIABLES = 100;

    private ProcessJson() {
    }

    /** The {@code variables} object of a body: absent or null is none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> variables(JsonNode body) {
        JsonNode node = body == null ? null : body.get("variables");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new ValidationException(List.of(FieldError.of("variables", "type", MessageKey.JSON_OBJECT_EXPECTED)));
        }
        if (node.size() > MAX_VARIABLES) {
            throw new ValidationException(List.of(new FieldError("variables", "maxItems",
                    "At most " + MAX_VARIABLES + " variables")));
        }
        return JSON.convertValue(node, LinkedHashMap.class);
    }

    static Map<String, Object> draft(ProcessDraft draft) {
        var out = new LinkedHashMap<String, Object>();
        out.put("namespace", draft.definition().ref().namespace());
        out.put("code", draft.definition().ref().code());
        out.put("name", draft.definition().name());
        out.put("basedOnVersion", draft.basedOnVersion());
        out.put("updatedAt", draft.updatedAt().toString());
        out.put("updatedBy", draft.updatedBy());
        return out;
    }

    static Map<String, Object> version(PublishedProcess version) {
        var out = new LinkedHashMap<String, Object>();
        out.put("namespace", version.ref().namespace());
        out.put("code", version.ref().code());
        out.put("name", version.definition().name());
        out.put("version", version.version());
        out.put("publishedAt", version.publishedAt().toString());
        out.put("publishedBy", version.publishedBy());
        out.put("definitionKey", String.valueOf(version.deployment().definitionKey()));
        out.put("engineId", version.deployment().engineId());
        out.put("engineVersion", version.deployment().engineVersion());
        return out;
    }

    static Map<String, Object> status(DefinitionStatus status) {
        var out = new LinkedHashMap<String, Object>();
        out.put("state", status.state().name());
        out.put("publishedVersion", status.publishedVersion());
        out.put("changedAt", status.changedAt() == null ? null : status.changedAt().toString());
        out.put("changedBy", status.changedBy());
        return out;
    }

    static Map<String, Object> instance(ProcessInstance instance, boolean details) {
        var out = new LinkedHashMap<String, Object>();
        out.put("key", String.valueOf(instance.key()));
        out.put("process", instance.process() == null ? null : instance.process().toString());
        out.put("version", instance.version());
        out.put("state", instance.state().name());
        out.put("startedAt", text(instance.startedAt()));
        out.put("startedBy", instance.startedBy());
        out.put("endedAt", text(instance.endedAt()));
        out.put("incidents", instance.openIncidents().stream().map(ProcessJson::incident).toList());
        if (details) {
            var variables = new LinkedHashMap<String, Object>();
            instance.variables().forEach((name, json) -> variables.put(name, parsed(json)));
            out.put("variables", variables);
            out.put("activeElements", instance.elements().stream().filter(ProcessInstance.Element::active)
                    .map(ProcessInstance.Element::elementId).distinct().toList());
            out.put("history", instance.elements().stream().map(ProcessJson::element).toList());
            out.put("takenFlows", instance.flows());
            out.put("resolvedIncidents", instance.incidents().stream().filter(ProcessInstance.Incident::resolved)
                    .map(ProcessJson::incident).toList());
        }
        return out;
    }

    private static Map<String, Object> element(ProcessInstance.Element element) {
        var out = new LinkedHashMap<String, Object>();
        out.put("key", String.valueOf(element.key()));
        out.put("elementId", element.elementId());
        out.put("type", element.type());
        out.put("state", element.state());
        out.put("startedAt", text(element.startedAt()));
        out.put("endedAt", text(element.endedAt()));
        return out;
    }

    private static Map<String, Object> incident(ProcessInstance.Incident incident) {
        var out = new LinkedHashMap<String, Object>();
        out.put("key", String.valueOf(incident.key()));
        out.put("elementId", incident.elementId());
        out.put("errorType", incident.errorType());
        out.put("message", incident.message());
        out.put("createdAt", text(incident.createdAt()));
        return out;
    }

    static Map<String, Object> task(ProcessTask task) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", task.id());
        out.put("name", task.name());
        out.put("processInstance", String.valueOf(task.instanceKey()));
        out.put("process", task.process() == null ? null : task.process().toString());
        out.put("elementId", task.elementId());
        out.put("assignee", task.assignee());
        out.put("candidateGroups", task.candidateGroups());
        out.put("candidateUsers", task.candidateUsers());
        out.put("dueDate", text(task.dueDate()));
        out.put("followUpDate", text(task.followUpDate()));
        out.put("priority", task.priority());
        out.put("form", task.formReference());
        out.put("state", task.state().name());
        out.put("createdAt", text(task.createdAt()));
        out.put("variables", task.variables());
        if (task.isApproval()) {
            out.put("approval", Map.of("subject", task.approval().subject(),
                    "rule", task.approval().rule().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return out;
    }

    /** The form a task completes with: its kind, and a Camunda Form's components. */
    static Map<String, Object> form(TaskForm form) {
        var out = new LinkedHashMap<String, Object>();
        switch (form) {
            case TaskForm.None none -> out.put("kind", "none");
            case TaskForm.AtriumForm atrium -> {
                out.put("kind", "atrium");
                out.put("form", atrium.ref().toString());
                out.put("itemId", atrium.itemId());
            }
            case TaskForm.Schema schema -> {
                out.put("kind", "schema");
                out.put("id", schema.schema().id());
                out.put("components", schema.schema().components().stream().map(ProcessJson::component).toList());
            }
            case TaskForm.Unavailable unavailable -> {
                out.put("kind", "unavailable");
                out.put("reference", unavailable.reference());
                out.put("reason", unavailable.reason());
            }
        }
        return out;
    }

    private static Map<String, Object> component(FormComponent c) {
        var out = new LinkedHashMap<String, Object>();
        out.put("type", c.kind() == FormComponent.Kind.UNSUPPORTED ? "unsupported" : c.type());
        if (c.kind() == FormComponent.Kind.UNSUPPORTED) {
            out.put("schemaType", c.type());
        }
        out.put("key", c.key());
        out.put("label", c.label());
        out.put("text", c.text());
        out.put("defaultValue", c.defaultValue());
        out.put("required", c.required());
        out.put("readOnly", c.readOnly());
        out.put("options", c.options().stream().map(o -> {
            var option = new LinkedHashMap<String, Object>();
            option.put("value", o.value());
            option.put("label", o.label());
            return option;
        }).toList());
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    /** A variable's JSON as a value; text cut short for size stays text. */
    private static Object parsed(String json) {
        try {
            return JSON.readTree(json);
        } catch (tools.jackson.core.JacksonException e) {
            return json;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
