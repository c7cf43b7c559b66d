package io.atrium.platform.form;

import io.atrium.platform.app.AppRef;
import java.util.Locale;

/** A form of an app, by purpose: {@code crm/contacts#view}. */
public record FormRef(AppRef app, FormPurpose purpose) {

    public FormRef {
        if (app == null || purpose == null) {
            throw new IllegalArgumentException("A form is named by its app and its purpose");
        }
    }

    @Override
    public String toString() {
        return app + "#" + purpose.name().toLowerCase(Locale.ROOT);
    }
}
