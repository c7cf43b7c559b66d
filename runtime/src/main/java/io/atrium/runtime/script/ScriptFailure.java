package io.atrium.runtime.script;

/** A script could not run to completion: a syntax error, an exception it threw, or a limit it hit. */
public class ScriptFailure extends RuntimeException {

    /** Why a script stopped. */
    public enum Kind {
        /** The source does not parse, or names a function it does not define. */
        INVALID,
        /** The script threw, or called something it is not allowed to. */
        ERROR,
        /** The script ran past its time limit and was stopped. */
        TIMEOUT
    }

    private final Kind kind;

    public ScriptFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
