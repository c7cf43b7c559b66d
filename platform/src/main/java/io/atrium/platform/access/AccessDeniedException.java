package io.atrium.platform.access;

/** The actor may not do this. The message says what was refused, never the data behind it. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
