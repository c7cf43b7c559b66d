package io.atrium.platform.script;

import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Refusal;
import java.util.regex.Pattern;

/**
 * Names a script module: its workspace and its code, e.g. {@code sales/deal-checks}. Another
 * module of the same workspace imports it as {@code './deal-checks'}.
 */
public record ScriptRef(String namespace, String code) {

    private static final Pattern NAMESPACE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    public ScriptRef {
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new Refusal(MessageKey.WORKSPACE_CODE_FORMAT, namespace);
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw new Refusal(MessageKey.SCRIPT_CODE_FORMAT, code);
        }
    }

    /** Parses {@code namespace/code}. */
    public static ScriptRef parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new Refusal(MessageKey.SCRIPT_REF_FORMAT, text);
        }
        return new ScriptRef(text.substring(0, slash), text.substring(slash + 1));
    }

    /** Whether the text is a code a module may have. */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return namespace + "/" + code;
    }
}
