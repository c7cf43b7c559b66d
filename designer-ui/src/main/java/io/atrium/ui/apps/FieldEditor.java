package io.atrium.ui.apps;

import com.vaadin.flow.component.Component;

/**
 * The input for one field on an item card. Values go in as stored and come out in the API's
 * form, so the card validates with exactly the rules the API uses.
 */
interface FieldEditor {

    Component component();

    /** The value as the API would receive it, or null when empty. */
    Object value();

    /** Shows a stored value. */
    void show(Object stored);

    /** Shows an error under the input; null clears it. */
    void error(String message);

    void readOnly(boolean readOnly);

    void onChange(Runnable listener);
}
