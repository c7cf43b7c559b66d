package io.atrium.platform.script;

import java.time.Instant;

/** One published version of a module: immutable, compiled. */
public record PublishedScript(int version, ScriptModule module, Instant publishedAt, String publishedBy) {

    public ScriptRef ref() {
        return module.ref();
    }
}
