package io.atrium.runtime.api.internal;

/** The request conflicts with what exists (answered 409). */
class ConflictException extends RuntimeException {
    ConflictException(String message) {
        super(message);
    }
}
