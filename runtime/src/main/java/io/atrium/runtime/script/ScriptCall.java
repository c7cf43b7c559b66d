package io.atrium.runtime.script;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.item.Item;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One call of a script: whom it runs for and how it was started. The SDK's host objects read it
 * while the call runs; every platform call they make is made as {@link #actor()}.
 *
 * @param binding   {@code run}, {@code form}, {@code button}, {@code process}, {@code schedule} or {@code bot}
 * @param app       the app of the item it runs for, or null
 * @param item      the item it runs for, or null
 * @param variables a process's variables for the script task; empty otherwise
 * @param session   a contact-center session, or null
 */
public record ScriptCall(String binding, Actor actor, AppRef app, Item item, Map<String, Object> variables,
        String session, ScriptLimits limits, SandboxLog log, AtomicInteger httpCalls) {

    public ScriptCall {
        variables = variables == null ? Map.of() : variables;
        limits = limits == null ? ScriptLimits.DEFAULT : limits;
    }

    public static ScriptCall of(String binding, Actor actor, ScriptLimits limits, String scriptName) {
        return new ScriptCall(binding, actor, null, null, Map.of(), null, limits, new SandboxLog(scriptName),
                new AtomicInteger());
    }

    public ScriptCall forItem(AppRef itemApp, Item of) {
        return new ScriptCall(binding, actor, itemApp, of, variables, session, limits, log, httpCalls);
    }

    public ScriptCall withVariables(Map<String, Object> values) {
        return new ScriptCall(binding, actor, app, item, values, session, limits, log, httpCalls);
    }

    public ScriptCall inSession(String id) {
        return new ScriptCall(binding, actor, app, item, variables, id, limits, log, httpCalls);
    }
}
