package io.atrium.sdk;

/**
 * Written to by scripts as the global {@code log}. Lines go to the platform's log with the
 * script's name and are kept with the script run's result for the developer to read.
 */
public interface ScriptLog {

    void info(String message);

    void warn(String message);

    void error(String message);
}
