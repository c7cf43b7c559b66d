package io.atrium.ui.controls;

import com.vaadin.flow.component.textfield.TextField;

/** Where the keyboard goes next, for the designers. */
public final class Focus {

    private Focus() {
    }

    /** Focuses an input with its text selected, so what is typed replaces a name given for now. */
    public static void withTextSelected(TextField input) {
        // after the round trip has drawn (and shown) the input
        input.getElement().executeJs("setTimeout(() => { this.focus(); this.inputElement && this.inputElement.select(); })");
    }
}
