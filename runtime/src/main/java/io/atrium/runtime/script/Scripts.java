package io.atrium.runtime.script;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.script.ScriptCatalog;
import io.atrium.platform.script.ScriptRef;
import io.atrium.platform.script.ScriptTarget;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Runs scripts for the features that bind them (the run endpoint, form buttons, processes):
 * names like {@code workspace/module#function}, who may run what, and the call's limits.
 */
@Service
public class Scripts {

    public static final String DEFAULT_FUNCTION = ScriptTarget.DEFAULT_FUNCTION;

    private final ScriptRunner runner;
    private final ScriptCatalog catalog;

    public Scripts(ScriptRunner runner, ScriptCatalog catalog) {
        this.runner = runner;
        this.catalog = catalog;
    }

    /** Whether the actor may run any published function through the run endpoint. */
    public boolean mayRunDirectly(Actor actor) {
        return catalog.mayRead(actor);
    }

    /** The run endpoint and the editor's Run button: the caller's own permissions apply inside. */
    public ScriptResult runDirectly(Actor actor, ScriptRef module, String function, JsonNode input) {
        if (!mayRunDirectly(actor)) {
            throw new AccessDeniedException(actor.username() + " may not run scripts directly");
        }
        return run(module, function, input, ScriptCall.of("run", actor, runner.defaults(), module.toString()));
    }

    public ScriptResult run(ScriptRef module, String function, JsonNode input, ScriptCall call) {
        return runner.run(module, function, input, call);
    }

    public ScriptResult run(ScriptTarget target, JsonNode input, ScriptCall call) {
        return runner.run(target.module(), target.function(), input, call);
    }

    /** The limits a call gets unless its binding says otherwise. */
    public ScriptLimits defaults() {
        return runner.defaults();
    }
}
