package io.atrium.runtime.process.block;

import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Runs the published script {@code script} with {@code input} (a context); its answer becomes variables. */
@Component
class ScriptBlock implements BuildingBlock {

    private final ObjectProvider<ProcessScripts> scripts;

    ScriptBlock(ObjectProvider<ProcessScripts> scripts) {
        this.scripts = scripts;
    }

    @Override
    public String type() {
        return "atrium:script";
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("script");
    }

    @Override
    public Map<String, Object> run(BlockJob job) {
        var runner = scripts.getIfAvailable();
        if (runner == null) {
            throw new BlockFailure("Scripts cannot run in processes yet on this platform");
        }
        return runner.run(job.requiredText("script"), job.map("input"), job);
    }
}
