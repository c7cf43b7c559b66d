package io.atrium.platform.script;

import java.util.List;
import java.util.stream.Collectors;

/** The source does not compile: each error where it is, in the source as written. */
public class ScriptCompileException extends RuntimeException {

    /**
     * One error.
     *
     * @param line   1-based line of the source, 0 when the error concerns the whole module
     * @param column 1-based column
     * @param code   the compiler's code, e.g. {@code TS2322}, or {@code syntax}
     */
    public record Problem(String file, int line, int column, String code, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line + ":" + column : "") + " " + code + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public ScriptCompileException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
