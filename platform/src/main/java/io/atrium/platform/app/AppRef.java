package io.atrium.platform.app;

import java.util.regex.Pattern;

/** Names an app: its workspace (namespace) and its code, e.g. {@code crm/contacts}. */
public record AppRef(String namespace, String code) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public AppRef {
        if (namespace == null || !CODE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("A workspace code is 1 to 40 lower-case letters, digits or _,"
                    + " starting with a letter: '" + namespace + "'");
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("An app code is 1 to 40 lower-case letters, digits or _,"
                    + " starting with a letter: '" + code + "'");
        }
    }

    /** Parses {@code namespace/code}. */
    public static AppRef parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("An app is named as workspace/app, e.g. crm/contacts: '" + text + "'");
        }
        return new AppRef(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return namespace + "/" + code;
    }
}
