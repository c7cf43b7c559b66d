package io.atrium.runtime.script;

import java.time.Duration;

/**
 * What one call of a script may use. A call that reaches a limit is stopped and reported; the
 * other scripts go on.
 *
 * @param time       wall-clock time of the call (CPU time on the caller's thread, since a
 *                   script cannot sleep or wait but in an SDK call)
 * @param statements JavaScript statements executed
 * @param allocation bytes the call may allocate on the heap (the sandbox's measure of heap growth)
 * @param output     bytes of the result's JSON and of the log together
 * @param httpCalls  outbound HTTP calls
 */
public record ScriptLimits(Duration time, long statements, long allocation, int output, int httpCalls) {

    public static final ScriptLimits DEFAULT = new ScriptLimits(Duration.ofSeconds(5), 50_000_000L,
            512L * 1024 * 1024, 1024 * 1024, 20);

    public ScriptLimits {
        if (time.isNegative() || time.isZero() || time.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("A script's time limit is more than 0 and at most 5 minutes");
        }
        if (statements < 1 || allocation < 1024 * 1024 || output < 1024 || httpCalls < 0) {
            throw new IllegalArgumentException("Script limits are positive: statements, allocation of at least "
                    + "1 MB, output of at least 1 KB");
        }
    }

    /** The same limits with another time, as a binding configures it. */
    public ScriptLimits withTime(Duration limit) {
        return new ScriptLimits(limit, statements, allocation, output, httpCalls);
    }
}
