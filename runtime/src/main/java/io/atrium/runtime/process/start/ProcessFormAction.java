package io.atrium.runtime.process.start;

import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Notice;
import io.atrium.platform.form.FormAction;
import io.atrium.platform.item.Items;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.instance.ProcessInstances;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Form buttons that start a process: {@code process:<workspace>/<code>} (or just a code of the
 * item's workspace). The process gets {@code itemId}, {@code app} and {@code startedBy}. Whoever
 * may update the item may press it; the analyst who put the button there chose the process.
 */
@Component
class ProcessFormAction implements FormAction {

    static final String PREFIX = "process:";
    private final ProcessInstances instances;
    private final AccessPolicy access;
    private final Items items;

    ProcessFormAction(ProcessInstances instances, AccessPolicy access, Items items) {
        this.instances = instances;
        this.access = access;
        this.items = items;
    }

    @Override
    public boolean handles(String action) {
        return action != null && action.startsWith(PREFIX);
    }

    @Override
    public Notice run(Actor actor, AppRef app, String itemId, long itemVersion, String action) {
        access.require(actor, app, Permission.UPDATE);
        items.get(actor, app, itemId); // the item exists and lies in the actor's scope
        String name = action.substring(PREFIX.length()).strip();
        ProcessRef ref = name.contains("/") ? ProcessRef.parse(name) : new ProcessRef(app.namespace(), name);
        var started = instances.startAs(actor.username(), ref,
                Map.of("itemId", itemId, "app", app.toString(), "startedBy", actor.username()));
        // the key as text: a number would be grouped ("2,251,799,…") and could not be searched for
        return Notice.of(MessageKey.ACTION_PROCESS_STARTED, ref.toString(), Long.toString(started.key()));
    }
}
