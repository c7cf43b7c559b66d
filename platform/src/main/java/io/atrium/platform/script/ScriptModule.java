package io.atrium.platform.script;

import java.util.List;

/**
 * A module as written, and once published what it compiled to.
 *
 * @param source   the TypeScript or JavaScript the developer wrote, at most {@link #MAX_SOURCE} characters
 * @param compiled null in drafts; in a published version, the JavaScript that runs
 */
public record ScriptModule(ScriptRef ref, ScriptLanguage language, String source, Compiled compiled) {

    public static final int MAX_SOURCE = 256 * 1024;

    /**
     * What publishing made of the source.
     *
     * @param javascript the module as the sandbox loads it (CommonJS form)
     * @param imports    the other modules of the workspace it imports, by code
     * @param exports    the functions it exports, which bindings and the run endpoint may call
     */
    public record Compiled(String javascript, List<String> imports, List<String> exports) {
        public Compiled {
            imports = List.copyOf(imports);
            exports = List.copyOf(exports);
        }
    }

    public ScriptModule {
        if (ref == null || language == null || source == null) {
            throw new IllegalArgumentException("A module is named, has a language and a source");
        }
    }

    /** A draft of the source. */
    public ScriptModule(ScriptRef ref, ScriptLanguage language, String source) {
        this(ref, language, source, null);
    }

    public ScriptModule compiledAs(Compiled result) {
        return new ScriptModule(ref, language, source, result);
    }

    /** The source without what publishing added, as drafts keep it. */
    public ScriptModule written() {
        return compiled == null ? this : new ScriptModule(ref, language, source, null);
    }

    /** The name the module has in messages: {@code deal-checks.ts}. */
    public String fileName() {
        return ref.code() + "." + language.extension();
    }
}
