package io.atrium.platform.form;

import io.atrium.platform.app.AppRef;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A form: the app whose items it shows, its purpose, and for purposes outside the app its
 * owner, e.g. {@code crm/contacts#edit} or {@code crm/deals#task@process:offer-approval/approve}.
 *
 * @param owner for {@link FormPurpose#owned() owned} purposes, what the form belongs to (a
 *              process and task, a line, a portal page); null otherwise
 */
public record FormRef(AppRef app, FormPurpose purpose, String owner) {

    private static final Pattern OWNER = Pattern.compile("[a-z][a-z0-9-]*:[A-Za-z0-9_./-]{1,200}");

    public FormRef {
        if (app == null || purpose == null) {
            throw new IllegalArgumentException("A form is named by its app and its purpose");
        }
        if (purpose.owned() && (owner == null || !OWNER.matcher(owner).matches())) {
            throw new IllegalArgumentException("A " + purpose.name().toLowerCase(Locale.ROOT)
                    + " form names its owner, e.g. process:offer-approval/approve");
        }
        if (!purpose.owned() && owner != null) {
            throw new IllegalArgumentException("An app's own " + purpose.name().toLowerCase(Locale.ROOT)
                    + " form has no owner");
        }
    }

    /** One of the app's own forms. */
    public FormRef(AppRef app, FormPurpose purpose) {
        this(app, purpose, null);
    }

    /**
     * Parses what {@link #toString()} writes, e.g. {@code crm/deals#task@process:sales/offer/approve}.
     *
     * @throws IllegalArgumentException if the text is not a form's name
     */
    public static FormRef parse(String text) {
        int hash = text == null ? -1 : text.indexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("A form is named app#purpose, e.g. crm/deals#edit, not " + text);
        }
        String rest = text.substring(hash + 1);
        int at = rest.indexOf('@');
        String purpose = at < 0 ? rest : rest.substring(0, at);
        FormPurpose parsed;
        try {
            parsed = FormPurpose.valueOf(purpose.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A form has no purpose " + purpose, e);
        }
        return new FormRef(AppRef.parse(text.substring(0, hash)), parsed, at < 0 ? null : rest.substring(at + 1));
    }

    @Override
    public String toString() {
        return app + "#" + purpose.name().toLowerCase(Locale.ROOT) + (owner == null ? "" : "@" + owner);
    }
}
