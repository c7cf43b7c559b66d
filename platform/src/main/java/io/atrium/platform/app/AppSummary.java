package io.atrium.platform.app;

import io.atrium.platform.definition.DefinitionStatus;

/** An app as the designer hub lists it: its latest definition and where it stands. */
public record AppSummary(AppDefinition definition, DefinitionStatus status) {

    public AppRef ref() {
        return definition.ref();
    }
}
