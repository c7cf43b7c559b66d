package io.atrium.runtime.process.deploy;

import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.process.ProcessDefinition;
import io.atrium.runtime.process.block.BlockCatalog;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Reads a drawing, checks what the engine cannot (building blocks, task forms, correlation keys)
 * and writes the file the engine gets: the process id made unique per workspace, calls of the
 * workspace's processes pointed at their deployed ids, and Camunda user tasks turned into
 * job-worker user tasks so the same drawing runs on any engine (ADR 0012).
 */
public final class BpmnPreparation {

    /** Largest drawing accepted. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Headers a prepared user task carries for the task inbox. */
    public static final String FORM_ID_HEADER = "atrium:formId";
    public static final String FORM_REFERENCE_HEADER = "atrium:formReference";
    public static final String CAMUNDA_USER_TASK_HEADER = "atrium:camundaUserTask";
    /** The local variable a prepared user task's priority lands in. */
    public static final String PRIORITY_VARIABLE = "atriumPriority";

    /** The engine's file, or every problem found. */
    public record Prepared(String xml, String processName, List<FieldError> problems) {
    }

    /**
     * What preparing needs to know of the rest of the platform.
     *
     * @param formProblem     for a task's form reference (a form key or a linked form id), what is
     *                        wrong with it, if anything
     * @param workspaceHasProcess whether a process of that code exists in the drawing's workspace
     */
    public record Context(BlockCatalog blocks, Function<String, Optional<String>> formProblem,
            Predicate<String> workspaceHasProcess) {
    }

    private BpmnPreparation() {
    }

    public static Prepared prepare(ProcessDefinition definition, Context context) {
        var problems = new ArrayList<FieldError>();
        byte[] bytes = definition.bpmn().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            return failed(FieldError.of("", "size", MessageKey.BPMN_TOO_LARGE, MAX_BYTES));
        }
        if (definition.bpmn().toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            // BPMN needs no document type; refusing it keeps entity tricks out of the parser
            return failed(FieldError.of("", "format", MessageKey.BPMN_UNREADABLE, "a DOCTYPE is not allowed"));
        }
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            return failed(FieldError.of("", "format", MessageKey.BPMN_UNREADABLE, rootMessage(e)));
        }
        var executable = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
        if (executable.isEmpty()) {
            return failed(FieldError.of("", "process", MessageKey.BPMN_NO_PROCESS));
        }
        String code = definition.ref().code();
        var process = executable.stream().filter(p -> code.equals(p.getId())).findFirst();
        if (process.isEmpty()) {
            return failed(FieldError.of("", "id", MessageKey.BPMN_ID_MISMATCH, executable.getFirst().getId(), code));
        }
        String name = process.get().getName();
        process.get().setId(definition.ref().engineId());
        for (var other : executable) {
            if (other != process.get()) {
                problems.add(FieldError.of(other.getId(), "process", MessageKey.BPMN_NOT_EXECUTABLE, other.getId()));
            }
        }
        checkBlocks(model, context, problems);
        prepareUserTasks(model, context, problems);
        checkMessages(model, problems);
        pointCalls(model, definition.ref().namespace(), context);
        return new Prepared(problems.isEmpty() ? Bpmn.convertToString(model) : null,
                name == null || name.isBlank() ? code : name, List.copyOf(problems));
    }

    private static Prepared failed(FieldError problem) {
        return new Prepared(null, null, List.of(problem));
    }

    private static void checkBlocks(BpmnModelInstance model, Context context, List<FieldError> problems) {
        for (var task : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
            String type = task.getType();
            var element = owner(task);
            if (type == null || !type.startsWith(BlockCatalog.PREFIX) || element.isEmpty()) {
                continue; // a worker outside the platform may take it
            }
            var required = context.blocks().requiredFields(type);
            if (required.isEmpty()) {
                problems.add(FieldError.of(element.get().getId(), "block", MessageKey.BPMN_UNKNOWN_BLOCK, type));
                continue;
            }
            var given = fieldsOf(element.get());
            for (String field : required.get()) {
                if (!given.contains(field)) {
                    problems.add(FieldError.of(element.get().getId(), "field", MessageKey.BPMN_BLOCK_INPUT_MISSING,
                            type, field));
                }
            }
        }
    }

    /** Header keys with a value and input mapping targets of the element. */
    private static Set<String> fieldsOf(BaseElement element) {
        var fields = new HashSet<String>();
        var extensions = element.getExtensionElements();
        if (extensions == null) {
            return fields;
        }
        for (var headers : extensions.getChildElementsByType(ZeebeTaskHeaders.class)) {
            headers.getHeaders().stream().filter(h -> h.getValue() != null && !h.getValue().isBlank())
                    .forEach(h -> fields.add(h.getKey()));
        }
        for (var mapping : extensions.getChildElementsByType(ZeebeIoMapping.class)) {
            mapping.getInputs().forEach(i -> fields.add(i.getTarget()));
        }
        return fields;
    }

    private static void prepareUserTasks(BpmnModelInstance model, Context context, List<FieldError> problems) {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            ExtensionElements extensions = task.getExtensionElements();
            if (extensions == null) {
                continue;
            }
            var camunda = extensions.getChildElementsByType(ZeebeUserTask.class);
            boolean isCamunda = !camunda.isEmpty();
            camunda.forEach(extensions::removeChildElement);
            if (!extensions.getChildElementsByType(ZeebeTaskListeners.class).isEmpty()) {
                problems.add(new FieldError(task.getId(), "listeners",
                        "Task listeners are not supported yet; take them out of the task"));
            }
            for (var form : List.copyOf(extensions.getChildElementsByType(ZeebeFormDefinition.class))) {
                String reference = form.getFormId() != null ? form.getFormId()
                        : form.getExternalReference() != null ? form.getExternalReference() : form.getFormKey();
                if (reference == null || reference.isBlank()) {
                    continue;
                }
                context.formProblem().apply(reference).ifPresent(problem -> problems.add(
                        FieldError.of(task.getId(), "form", MessageKey.BPMN_TASK_FORM_MISSING, problem)));
                if (form.getFormId() != null || form.getExternalReference() != null) {
                    extensions.removeChildElement(form);
                    header(model, extensions, form.getFormId() != null ? FORM_ID_HEADER : FORM_REFERENCE_HEADER,
                            reference);
                }
            }
            for (var priority : List.copyOf(extensions.getChildElementsByType(ZeebePriorityDefinition.class))) {
                extensions.removeChildElement(priority);
                String value = priority.getPriority();
                if (value != null && !value.isBlank()) {
                    input(model, extensions, value.startsWith("=") ? value : "=" + value.strip(), PRIORITY_VARIABLE);
                }
            }
            if (isCamunda) {
                header(model, extensions, CAMUNDA_USER_TASK_HEADER, "true");
            }
        }
    }

    private static void checkMessages(BpmnModelInstance model, List<FieldError> problems) {
        for (var definition : model.getModelElementsByType(MessageEventDefinition.class)) {
            var event = definition.getParentElement();
            boolean processStart = event instanceof StartEvent start && start.getParentElement() instanceof Process;
            if (processStart || !(event instanceof BaseElement element)) {
                continue; // a message start event of the process needs no key
            }
            checkCorrelation(definition.getMessage(), element, problems);
        }
        for (var receive : model.getModelElementsByType(ReceiveTask.class)) {
            checkCorrelation(receive.getMessage(), receive, problems);
        }
    }

    private static void checkCorrelation(Message message, BaseElement element, List<FieldError> problems) {
        if (message == null) {
            return; // the engine names a missing message itself
        }
        boolean keyed = message.getExtensionElements() != null && message.getExtensionElements()
                .getChildElementsByType(ZeebeSubscription.class).stream()
                .anyMatch(s -> s.getCorrelationKey() != null && !s.getCorrelationKey().isBlank());
        if (!keyed) {
            problems.add(FieldError.of(element.getId(), "correlation", MessageKey.BPMN_MESSAGE_NO_CORRELATION,
                    message.getName() == null ? message.getId() : message.getName()));
        }
    }

    private static void pointCalls(BpmnModelInstance model, String namespace, Context context) {
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            if (call.getExtensionElements() == null) {
                continue;
            }
            for (var called : call.getExtensionElements().getChildElementsByType(ZeebeCalledElement.class)) {
                String id = called.getProcessId();
                if (id != null && !id.startsWith("=") && context.workspaceHasProcess().test(id)) {
                    called.setProcessId(namespace + "." + id);
                }
            }
        }
    }

    private static void header(BpmnModelInstance model, ExtensionElements extensions, String key, String value) {
        var headers = extensions.getChildElementsByType(ZeebeTaskHeaders.class).stream().findFirst()
                .orElseGet(() -> extensions.addExtensionElement(ZeebeTaskHeaders.class));
        ZeebeHeader header = model.newInstance(ZeebeHeader.class);
        header.setKey(key);
        header.setValue(value);
        headers.addChildElement(header);
    }

    private static void input(BpmnModelInstance model, ExtensionElements extensions, String source, String target) {
        var mapping = extensions.getChildElementsByType(ZeebeIoMapping.class).stream().findFirst()
                .orElseGet(() -> extensions.addExtensionElement(ZeebeIoMapping.class));
        ZeebeInput input = model.newInstance(ZeebeInput.class);
        input.setSource(source);
        input.setTarget(target);
        mapping.addChildElement(input);
    }

    private static Optional<BaseElement> owner(ModelElementInstance extension) {
        ModelElementInstance parent = extension.getParentElement();
        if (parent != null) {
            parent = parent.getParentElement(); // extensionElements → the element
        }
        return parent instanceof BaseElement element ? Optional.of(element) : Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
