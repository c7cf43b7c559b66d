package io.atrium.runtime.process.block;

import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.instance.ProcessInstances;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Starts another process: {@code process} ({@code workspace/code}, or a code of the same
 * workspace) with {@code variables} (a context); its instance key goes to {@code resultVariable}
 * (default {@code startedInstanceKey}). To wait for the other process, draw a call activity instead.
 */
@Component
class StartProcessBlock implements BuildingBlock {

    private final ProcessInstances instances;

    StartProcessBlock(ProcessInstances instances) {
        this.instances = instances;
    }

    @Override
    public String type() {
        return "atrium:start-process";
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("process");
    }

    @Override
    public Map<String, Object> run(BlockJob job) {
        String name = job.requiredText("process");
        ProcessRef ref = name.contains("/") ? ProcessRef.parse(name)
                : new ProcessRef(job.process().map(ProcessRef::namespace)
                        .orElseThrow(() -> new BlockFailure("Name the process as workspace/code")), name);
        var started = instances.startAs(job.actor().username(), ref, job.map("variables"));
        return Map.of(job.resultVariable("startedInstanceKey"), started.key());
    }
}
