package io.atrium.runtime.process.deploy;

import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessDefinition;
import io.atrium.platform.process.ProcessDefinition.Deployment;
import io.atrium.platform.process.ProcessDeployer;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.block.BlockCatalog;
import io.atrium.runtime.process.task.TaskForms;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Deploys prepared drawings to the engine the platform is connected to. */
@Component
class ZeebeProcessDeployer implements ProcessDeployer {

    private final CamundaClient client;
    private final BlockCatalog blocks;
    private final TaskForms forms;
    private final ObjectProvider<ProcessCatalog> catalog;

    ZeebeProcessDeployer(CamundaClient client, BlockCatalog blocks, TaskForms forms,
            ObjectProvider<ProcessCatalog> catalog) {
        this.client = client;
        this.blocks = blocks;
        this.forms = forms;
        this.catalog = catalog;
    }

    @Override
    public List<FieldError> check(ProcessDefinition definition) {
        return prepare(definition).problems();
    }

    @Override
    public Deployment deploy(ProcessDefinition definition) {
        var prepared = prepare(definition);
        if (!prepared.problems().isEmpty()) {
            throw new ValidationException(prepared.problems());
        }
        try {
            var deployed = client.newDeployResourceCommand()
                    .addResourceStringUtf8(prepared.xml(), definition.ref().code() + ".bpmn")
                    .send().join();
            var process = deployed.getProcesses().stream()
                    .filter(p -> p.getBpmnProcessId().equals(definition.ref().engineId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The engine deployed no process "
                            + definition.ref().engineId()));
            return new Deployment(process.getProcessDefinitionKey(), process.getBpmnProcessId(), process.getVersion());
        } catch (ClientException e) {
            if (isRejection(e)) {
                throw new ValidationException(EngineRejection.problems(e.getMessage()));
            }
            throw e;
        }
    }

    private BpmnPreparation.Prepared prepare(ProcessDefinition definition) {
        String namespace = definition.ref().namespace();
        return BpmnPreparation.prepare(definition, new BpmnPreparation.Context(blocks, forms::problem,
                code -> ProcessRef.isCode(code) && isKnown(new ProcessRef(namespace, code))));
    }

    private boolean isKnown(ProcessRef ref) {
        var processes = catalog.getObject();
        return processes.current(ref).isPresent() || processes.draft(ref).isPresent();
    }

    /** The engine refused the resource (as opposed to being unreachable). */
    private static boolean isRejection(ClientException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("INVALID_ARGUMENT") || message.contains("Expected to deploy");
    }
}
