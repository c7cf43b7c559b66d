package io.atrium.platform.identity;

/**
 * Thrown when a username, display name, group name or password breaks the platform's rules.
 * Nothing has been written when it is thrown.
 */
public final class InvalidAccountException extends IllegalArgumentException {

    private final String field;
    private final String code;

    /**
     * @param field   the property at fault, e.g. {@code password}
     * @param code    a stable reason a UI can translate, e.g. {@code common}
     * @param message an English explanation for the API
     */
    public InvalidAccountException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
