package io.atrium.platform.process;

import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Refusal;
import java.util.regex.Pattern;

/**
 * Names a process: its workspace and its code, which is the BPMN process id as drawn, e.g.
 * {@code sales/lead-intake}.
 */
public record ProcessRef(String namespace, String code) {

    private static final Pattern NAMESPACE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** A BPMN id (an XML name) without the characters that would need escaping anywhere. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");

    public ProcessRef {
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new Refusal(MessageKey.WORKSPACE_CODE_FORMAT, namespace);
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw new Refusal(MessageKey.PROCESS_CODE_FORMAT, code);
        }
    }

    /** Parses {@code namespace/code}. */
    public static ProcessRef parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new Refusal(MessageKey.PROCESS_REF_FORMAT, text);
        }
        return new ProcessRef(text.substring(0, slash), text.substring(slash + 1));
    }

    /** Whether the text is a code a process may have. */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    /** The id the process is deployed under: workspaces may each have a process of the same code. */
    public String engineId() {
        return namespace + "." + code;
    }

    @Override
    public String toString() {
        return namespace + "/" + code;
    }
}
