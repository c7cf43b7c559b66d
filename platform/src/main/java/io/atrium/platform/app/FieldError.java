package io.atrium.platform.app;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One thing wrong with a value or a definition.
 *
 * <p>An error made with {@link #of} carries a {@link MessageKey} and its arguments, so
 * {@link Messages#text(FieldError, Locale)} can say it in the reader's language; {@link #message()}
 * stays the English text for logs and older callers.
 *
 * @param field     the field's code (for a table cell, {@code table[2].column}); empty for the whole
 * @param code      a stable machine-readable reason, e.g. {@code required}, {@code type}, {@code unknown}
 * @param message   what is wrong, in English
 * @param key       the message's key in the platform's bundles; null for a text that has no translation
 * @param arguments the values the message names, in the key's order
 */
public record FieldError(String field, String code, String message, MessageKey key, List<Object> arguments) {

    public FieldError {
        arguments = arguments == null ? List.of() : Collections.unmodifiableList(Arrays.asList(arguments.toArray()));
    }

    /** An error whose text is already written and is shown as is in every language. */
    public FieldError(String field, String code, String message) {
        this(field, code, message, null, List.of());
    }

    /** An error told by a message key, in the user's language wherever it is shown. */
    public static FieldError of(String field, String code, MessageKey key, Object... arguments) {
        return new FieldError(field, code, Messages.text(key, Locale.ENGLISH, arguments), key, Arrays.asList(arguments));
    }
}
