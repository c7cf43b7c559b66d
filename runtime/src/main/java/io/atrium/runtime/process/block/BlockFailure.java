package io.atrium.runtime.process.block;

/** A building block could not do its work; the message goes to the incident people see. */
public class BlockFailure extends RuntimeException {

    public BlockFailure(String message) {
        super(message);
    }

    public BlockFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
