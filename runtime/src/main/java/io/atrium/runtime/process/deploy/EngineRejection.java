package io.atrium.runtime.process.deploy;

import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's answer to a deployment it refused, taken apart into one problem per element. The
 * engine lists them as {@code - Element: <id>} followed by {@code - ERROR: <text>} lines.
 */
final class EngineRejection {

    private static final Pattern ELEMENT = Pattern.compile("(?:^|\\s)-?\\s*Element:\\s*([^\\s>]+)(?:\\s*>\\s*(.*))?$");
    private static final Pattern ERROR = Pattern.compile("^\\s*-\\s*ERROR:\\s*(.*)$");

    private EngineRejection() {
    }

    static List<FieldError> problems(String message) {
        var problems = new ArrayList<FieldError>();
        String element = "";
        String part = null;
        for (String line : message.split("\\R")) {
            Matcher found = ELEMENT.matcher(line);
            if (found.find()) {
                element = found.group(1);
                part = found.group(2);
                continue;
            }
            Matcher error = ERROR.matcher(line);
            if (error.matches()) {
                String text = part == null || part.isBlank() ? error.group(1) : part.strip() + ": " + error.group(1);
                problems.add(FieldError.of(element, text.contains("expression") ? "feel" : "engine",
                        MessageKey.BPMN_ENGINE_REJECTED, text));
            }
        }
        if (problems.isEmpty()) {
            problems.add(FieldError.of("", "engine", MessageKey.BPMN_ENGINE_REJECTED, message));
        }
        return problems;
    }
}
