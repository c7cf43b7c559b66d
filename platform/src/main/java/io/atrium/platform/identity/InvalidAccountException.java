package io.atrium.platform.identity;

import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;

/**
 * Thrown when a username, display name, group name or password breaks the platform's rules.
 * Nothing has been written when it is thrown.
 */
public final class InvalidAccountException extends IllegalArgumentException {

    private final FieldError error;

    /**
     * @param field     the property at fault, e.g. {@code password}
     * @param code      a stable reason a UI can translate, e.g. {@code common}
     * @param message   the rule broken, told in the reader's language through {@link #error()}
     * @param arguments the values the message names
     */
    public InvalidAccountException(String field, String code, MessageKey message, Object... arguments) {
        this(FieldError.of(field, code, message, arguments));
    }

    private InvalidAccountException(FieldError error) {
        super(error.message());
        this.error = error;
    }

    public String field() {
        return error.field();
    }

    public String code() {
        return error.code();
    }

    /** The rule broken, as an error that can be told in English or Russian. */
    public FieldError error() {
        return error;
    }
}
