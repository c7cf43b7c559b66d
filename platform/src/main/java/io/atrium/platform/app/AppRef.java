package io.atrium.platform.app;

import java.util.regex.Pattern;

/** Names an app: its workspace (namespace) and its code, e.g. {@code crm/contacts}. */
public record AppRef(String namespace, String code) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public AppRef {
        if (namespace == null || !CODE.matcher(namespace).matches()) {
            throw new Refusal(MessageKey.WORKSPACE_CODE_FORMAT, namespace);
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw new Refusal(MessageKey.APP_CODE_FORMAT, code);
        }
    }

    /** Parses {@code namespace/code}. */
    public static AppRef parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new Refusal(MessageKey.APP_REF_FORMAT, text);
        }
        return new AppRef(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return namespace + "/" + code;
    }
}
