package io.atrium.runtime.script;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.script.ScriptCatalog;
import io.atrium.platform.script.ScriptRef;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Runs scripts for the features that bind them (the run endpoint, form buttons, processes):
 * names like {@code workspace/module#function}, who may run what, and the call's limits.
 */
@Service
public class Scripts {

    /** {@code workspace/module#function}; without {@code #function}, {@link #DEFAULT_FUNCTION}. */
    private static final Pattern TARGET = Pattern.compile("([a-z][a-z0-9_]{0,39}/[a-z][a-z0-9_-]{0,63})(?:#([A-Za-z_$][A-Za-z0-9_$]{0,99}))?");
    public static final String DEFAULT_FUNCTION = "run";

    private final ScriptRunner runner;
    private final ScriptCatalog catalog;

    public Scripts(ScriptRunner runner, ScriptCatalog catalog) {
        this.runner = runner;
        this.catalog = catalog;
    }

    /** A module and one of its functions, as bindings name them. */
    public record Target(ScriptRef module, String function) {
        @Override
        public String toString() {
            return module + "#" + function;
        }
    }

    /**
     * Reads {@code workspace/module#function}.
     *
     * @throws IllegalArgumentException saying what the form is
     */
    public static Target target(String text) {
        var matcher = text == null ? null : TARGET.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("A script is named workspace/module#function, e.g. "
                    + "sales/deal-checks#beforeSave (got " + text + ")");
        }
        return new Target(ScriptRef.parse(matcher.group(1)), matcher.group(2) == null ? DEFAULT_FUNCTION
                : matcher.group(2));
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

    /** The limits a call gets unless its binding says otherwise. */
    public ScriptLimits defaults() {
        return runner.defaults();
    }
}
