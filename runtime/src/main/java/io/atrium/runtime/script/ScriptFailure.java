package io.atrium.runtime.script;

import java.util.List;

/** A script could not run to completion: an exception it threw, a refusal, or a limit it hit. */
public class ScriptFailure extends RuntimeException {

    /** Why a script stopped. */
    public enum Kind {
        /** The module or function does not exist or is not published, or the source does not parse. */
        INVALID,
        /** The script threw, or an SDK call it did not catch was refused. */
        ERROR,
        /** The script refused what it was asked (a save), with a message on a field. */
        REFUSED,
        /** The script ran past its time limit and was stopped. */
        TIMEOUT,
        /** The script reached another limit (statements, memory, output) and was stopped. */
        LIMIT
    }

    private final Kind kind;
    private final String field;
    private final String scriptStack;
    private final transient List<String> logs;

    public ScriptFailure(Kind kind, String message, Throwable cause) {
        this(kind, message, null, null, List.of(), cause);
    }

    public ScriptFailure(Kind kind, String message, String field, String scriptStack, List<String> logs,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.field = field;
        this.scriptStack = scriptStack;
        this.logs = List.copyOf(logs);
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#REFUSED}, and SDK refusals that name one: the field at fault. */
    public String field() {
        return field;
    }

    /** Where in the script it happened, as the script's own stack trace (script frames only). */
    public String scriptStack() {
        return scriptStack;
    }

    /** What the script logged before it stopped. */
    public List<String> logs() {
        return logs;
    }
}
