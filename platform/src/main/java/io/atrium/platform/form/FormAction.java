package io.atrium.platform.form;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.Notice;

/**
 * What a form button runs. Features register actions as Spring beans under a prefix they own:
 * {@code set:} changes a field of the item; processes and scripts add theirs.
 */
public interface FormAction {

    /** Whether this action handles the name, e.g. {@code set:status=closed}. */
    boolean handles(String action);

    /**
     * Runs the action for the item shown on the form, as the person who pressed the button.
     *
     * @return what to tell that person, in their language
     */
    Notice run(Actor actor, AppRef app, String itemId, long itemVersion, String action);
}
