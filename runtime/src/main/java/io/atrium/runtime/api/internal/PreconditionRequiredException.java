package io.atrium.runtime.api.internal;

/** A change did not say which version it applies to (answered 428). */
class PreconditionRequiredException extends RuntimeException {
    PreconditionRequiredException(String message) {
        super(message);
    }
}
