package io.atrium.platform.script;

import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Refusal;
import java.util.Locale;

/** What a module is written in. Both compile to the same JavaScript. */
public enum ScriptLanguage {
    TYPESCRIPT("ts"),
    JAVASCRIPT("js");

    private final String extension;

    ScriptLanguage(String extension) {
        this.extension = extension;
    }

    /** The file extension the module's source has in messages and stack traces. */
    public String extension() {
        return extension;
    }

    /** The name as the API writes it: {@code typescript} or {@code javascript}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScriptLanguage parse(String text) {
        for (ScriptLanguage language : values()) {
            if (language.apiName().equals(text)) {
                return language;
            }
        }
        throw new Refusal(MessageKey.SCRIPT_LANGUAGE, text);
    }
}
