package io.atrium.runtime.process.block;

import java.util.Map;

/** Runs a developer's script for a process; the scripts feature provides it. */
public interface ProcessScripts {

    /**
     * Runs the script with the input and returns the variables it gives back.
     *
     * @param script the script's name, as published
     */
    Map<String, Object> run(String script, Map<String, Object> input, BlockJob job);
}
