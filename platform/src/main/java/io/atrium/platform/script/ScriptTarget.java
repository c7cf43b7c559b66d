package io.atrium.platform.script;

import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Refusal;
import java.util.regex.Pattern;

/**
 * A function of a module, as bindings name it: {@code workspace/module#function}, e.g.
 * {@code sales/deal-checks#beforeSave}. Without {@code #function} it is {@value #DEFAULT_FUNCTION}.
 */
public record ScriptTarget(ScriptRef module, String function) {

    public static final String DEFAULT_FUNCTION = "run";
    private static final Pattern FUNCTION = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,99}");

    public ScriptTarget {
        if (module == null || function == null || !FUNCTION.matcher(function).matches()) {
            throw new Refusal(MessageKey.SCRIPT_TARGET_FORMAT, module + "#" + function);
        }
    }

    /**
     * Reads {@code workspace/module#function}.
     *
     * @throws Refusal saying what the form is
     */
    public static ScriptTarget parse(String text) {
        String stripped = text == null ? "" : text.strip();
        int hash = stripped.indexOf('#');
        try {
            var module = ScriptRef.parse(hash < 0 ? stripped : stripped.substring(0, hash));
            return new ScriptTarget(module, hash < 0 ? DEFAULT_FUNCTION : stripped.substring(hash + 1));
        } catch (Refusal e) {
            throw new Refusal(MessageKey.SCRIPT_TARGET_FORMAT, text);
        }
    }

    @Override
    public String toString() {
        return module + "#" + function;
    }
}
