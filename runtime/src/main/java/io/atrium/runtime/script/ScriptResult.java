package io.atrium.runtime.script;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * What a script function returned, as JSON, and the lines it logged.
 *
 * @param json       the returned value as JSON text ({@code null} if it returned nothing)
 * @param log        lines written through the SDK's {@code log}, in order, prefixed by level
 * @param durationMs how long the call took, context acquisition included
 * @param acquireMs  how long finding (or making) its context took
 */
public record ScriptResult(String json, List<String> log, double durationMs, double acquireMs) {

    private static final ObjectReader READER = SdkAnswers.JSON.readerFor(JsonNode.class);

    public ScriptResult {
        json = json == null ? "null" : json;
        log = List.copyOf(log);
    }

    /** The returned value as a tree, read from {@link #json()} each time it is asked for. */
    public JsonNode value() {
        return READER.readTree(json);
    }
}
