package io.atrium.ui.controls;

import io.atrium.platform.process.ProcessRef;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a task form belongs to: a step of a process, written {@code process:<workspace>/<code>/<step>}
 * as the form's owner, e.g. {@code process:sales/offer/review}. The step is the analyst's name for
 * the task the form is shown in; a user task picks the form in the modeler.
 */
public record TaskFormOwner(ProcessRef process, String step) {

    private static final String PREFIX = "process:";
    /** A step is named like a code: lower case letters, digits and dashes. */
    public static final Pattern STEP = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    public TaskFormOwner {
        if (process == null || step == null || !STEP.matcher(step).matches()) {
            throw new IllegalArgumentException("A task form belongs to a step of a process, named like review");
        }
    }

    /** Reads {@code process:<workspace>/<code>/<step>}; empty for anything else. */
    public static Optional<TaskFormOwner> parse(String owner) {
        if (owner == null || !owner.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = owner.substring(PREFIX.length());
        int last = rest.lastIndexOf('/');
        if (last < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TaskFormOwner(ProcessRef.parse(rest.substring(0, last)), rest.substring(last + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The owner as a form names it. */
    @Override
    public String toString() {
        return PREFIX + process + "/" + step;
    }

    /** Where the form designer opens this step's form on the app. */
    public String designerPath(io.atrium.platform.app.AppRef app) {
        return "designer/forms/" + app + "/task?owner=" + java.net.URLEncoder.encode(toString(),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
