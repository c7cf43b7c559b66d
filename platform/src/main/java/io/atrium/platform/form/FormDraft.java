package io.atrium.platform.form;

import java.time.Instant;

/** A form being designed; publishing makes it the next version. */
public record FormDraft(FormDefinition form, int basedOnVersion, Instant updatedAt, String updatedBy) {
}
