package io.atrium.platform.form;

import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Absence;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.Notice;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;

/** Finds the registered action a button names and runs it. */
@Service
public class FormActions {

    private final List<FormAction> actions;

    public FormActions(List<FormAction> actions) {
        this.actions = List.copyOf(actions);
    }

    /** @throws NoSuchElementException if no feature handles the action */
    public Notice run(Actor actor, AppRef app, String itemId, long itemVersion, String action) {
        return actions.stream().filter(a -> a.handles(action)).findFirst()
                .orElseThrow(() -> new Absence(MessageKey.ACTION_UNKNOWN, action))
                .run(actor, app, itemId, itemVersion, action);
    }
}
