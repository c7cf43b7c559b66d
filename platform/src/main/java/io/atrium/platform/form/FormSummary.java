package io.atrium.platform.form;

import io.atrium.platform.definition.DefinitionStatus;

/** A form as the designer hub lists it: its latest definition and where it stands. */
public record FormSummary(FormDefinition definition, DefinitionStatus status) {

    public FormRef ref() {
        return definition.ref();
    }
}
