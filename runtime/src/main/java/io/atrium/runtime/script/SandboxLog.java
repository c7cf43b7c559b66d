package io.atrium.runtime.script;

import io.atrium.sdk.ScriptLog;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SDK's {@code log} as a script sees it: only the exported methods are reachable. */
public final class SandboxLog implements ScriptLog {

    private static final Logger log = LoggerFactory.getLogger("io.atrium.script");
    private static final int MAX_LINES = 1_000;
    private static final int MAX_LINE_LENGTH = 4_000;

    private final String scriptName;
    private final List<String> lines = new ArrayList<>();

    public SandboxLog(String scriptName) {
        this.scriptName = scriptName;
    }

    @Override
    @HostAccess.Export
    public void info(String message) {
        append("INFO", message);
        log.info("[{}] {}", scriptName, clip(message));
    }

    @Override
    @HostAccess.Export
    public void warn(String message) {
        append("WARN", message);
        log.warn("[{}] {}", scriptName, clip(message));
    }

    @Override
    @HostAccess.Export
    public void error(String message) {
        append("ERROR", message);
        log.error("[{}] {}", scriptName, clip(message));
    }

    public List<String> lines() {
        return lines;
    }

    private void append(String level, String message) {
        if (lines.size() < MAX_LINES) {
            lines.add(level + " " + clip(message));
        }
    }

    private static String clip(String message) {
        String text = String.valueOf(message);
        return text.length() <= MAX_LINE_LENGTH ? text : text.substring(0, MAX_LINE_LENGTH) + "…";
    }
}
