package io.atrium.platform.script;

import io.atrium.platform.definition.DefinitionStatus;

/** A module in a listing, with where it stands. */
public record ScriptSummary(ScriptModule module, DefinitionStatus status) {

    public ScriptRef ref() {
        return module.ref();
    }
}
