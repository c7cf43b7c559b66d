package io.atrium.runtime.script;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a script function returned, as JSON, and the lines it logged.
 *
 * @param value      the returned value ({@code null} JSON node if it returned nothing)
 * @param log        lines written through the SDK's {@code log}, in order, prefixed by level
 * @param durationMs how long the call took, context acquisition included
 * @param acquireMs  how long finding (or making) its context took
 */
public record ScriptResult(JsonNode value, List<String> log, double durationMs, double acquireMs) {
    public ScriptResult {
        log = List.copyOf(log);
    }
}
