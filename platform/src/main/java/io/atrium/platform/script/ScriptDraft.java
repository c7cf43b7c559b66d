package io.atrium.platform.script;

import java.time.Instant;

/** The module as being written, and the version it started from (0 for a new one). */
public record ScriptDraft(ScriptModule module, int basedOnVersion, Instant updatedAt, String updatedBy) {
}
