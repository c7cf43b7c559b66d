package io.atrium.platform.form;

import java.time.Instant;

/** A published, immutable version of a form. */
public record PublishedForm(int version, FormDefinition form, Instant publishedAt, String publishedBy) {
}
