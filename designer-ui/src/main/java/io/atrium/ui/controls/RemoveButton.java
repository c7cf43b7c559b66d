package io.atrium.ui.controls;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.BooleanSupplier;

/**
 * The one way designers offer to remove something: a trash button that names what it removes
 * (for screen readers and as a tooltip) and asks before it removes it. Cancel keeps it.
 */
public final class RemoveButton extends Button {

    private final Runnable remove;
    private String label;
    private String question;
    private boolean questionGiven;
    private String consequence;
    private String confirmText;
    private BooleanSupplier worthAsking = () -> true;

    /**
     * An icon button.
     *
     * @param label what it does, naming the thing, e.g. "Remove field “Phone”"; asked as a question
     */
    public RemoveButton(String label, Runnable remove) {
        super(VaadinIcon.TRASH.create());
        this.label = label;
        this.remove = remove;
        addClassName("remove-button");
        relabel(label);
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        addClickListener(e -> ask());
    }

    /** Names the thing anew, when it was renamed while the button was shown. */
    public RemoveButton relabel(String label) {
        this.label = label;
        setAriaLabel(label);
        setTooltipText(label);
        if (!questionGiven) {
            question = label + "?";
        }
        return this;
    }

    /** Shows this text beside the icon, for a button that stands on its own rather than in a row. */
    public RemoveButton showingText(String text) {
        setText(text);
        removeThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return this;
    }

    /** The question the confirmation asks, when the label does not read as one. */
    public RemoveButton asking(String question) {
        this.question = question;
        this.questionGiven = true;
        return this;
    }

    /** What removing means, said under the question, e.g. that Undo brings it back. */
    public RemoveButton explaining(String consequence) {
        this.consequence = consequence;
        return this;
    }

    /** The confirming button's text, when the usual "Remove" is not the right word. */
    public RemoveButton confirmingWith(String text) {
        this.confirmText = text;
        return this;
    }

    /** Removes without asking when nothing would be lost, e.g. an empty row. */
    public RemoveButton askingOnlyIf(BooleanSupplier worthAsking) {
        this.worthAsking = worthAsking;
        return this;
    }

    private void ask() {
        if (!worthAsking.getAsBoolean()) {
            remove.run();
            return;
        }
        var dialog = new ConfirmDialog();
        dialog.setId("confirm-remove");
        dialog.setHeader(question);
        dialog.setText(consequence == null ? "" : consequence);
        dialog.setConfirmText(confirmText == null ? getTranslation("remove.confirm") : confirmText);
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("remove.cancel"));
        dialog.addConfirmListener(e -> remove.run());
        dialog.getElement().setAttribute("aria-label", label);
        dialog.open();
    }
}
