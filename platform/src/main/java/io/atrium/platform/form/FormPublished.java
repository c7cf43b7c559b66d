package io.atrium.platform.form;

/** A form version was published and is now the one people see. */
public record FormPublished(FormRef ref, int version, String publishedBy) {
}
