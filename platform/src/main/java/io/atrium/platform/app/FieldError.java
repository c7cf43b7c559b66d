package io.atrium.platform.app;

/**
 * One thing wrong with a value or a definition.
 *
 * @param field   the field's code (for a table cell, {@code table[2].column}); empty for the whole
 * @param code    a stable machine-readable reason, e.g. {@code required}, {@code type}, {@code unknown}
 * @param message what is wrong, for people
 */
public record FieldError(String field, String code, String message) {
}
