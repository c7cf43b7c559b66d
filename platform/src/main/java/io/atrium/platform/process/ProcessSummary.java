package io.atrium.platform.process;

import io.atrium.platform.definition.DefinitionStatus;

/** A process as the designer hub lists it: its latest definition and where it stands. */
public record ProcessSummary(ProcessDefinition definition, DefinitionStatus status) {

    public ProcessRef ref() {
        return definition.ref();
    }
}
