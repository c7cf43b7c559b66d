package io.atrium.platform.form;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Refusal;
import io.atrium.platform.script.ScriptTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scripts a form runs on its events, each named {@code workspace/module#function}: when it
 * opens, when a field changes, and before it saves (where the script may refuse the save with a
 * message on a field). They run as the person using the form, under their permissions.
 *
 * @param onLoad            run when the form opens; null for none
 * @param onChange          per field code, run when that field changes
 * @param beforeSave        run before the item is created or updated; null for none
 * @param timeLimitSeconds  how long one of them may run, 1 to 30 seconds; null for the platform's
 *                          default
 */
public record FormScripts(String onLoad, Map<String, String> onChange, String beforeSave, Integer timeLimitSeconds) {

    public static final FormScripts NONE = new FormScripts(null, Map.of(), null, null);
    public static final int MAX_TIME_LIMIT_SECONDS = 30;

    public FormScripts {
        onLoad = blankToNull(onLoad);
        beforeSave = blankToNull(beforeSave);
        var changes = new LinkedHashMap<String, String>();
        if (onChange != null) {
            onChange.forEach((field, target) -> {
                if (field != null && blankToNull(target) != null) {
                    changes.put(field, target.strip());
                }
            });
        }
        onChange = java.util.Collections.unmodifiableMap(changes);
    }

    /** Whether the form runs no script at all. */
    public boolean runsNone() {
        return onLoad == null && onChange.isEmpty() && beforeSave == null;
    }

    /** What is wrong with them against the app: names that do not parse, fields it does not have. */
    public List<FieldError> check(AppDefinition app) {
        var errors = new ArrayList<FieldError>();
        checkTarget("scripts.onLoad", onLoad, errors);
        checkTarget("scripts.beforeSave", beforeSave, errors);
        onChange.forEach((field, target) -> {
            if (app.field(field).isEmpty()) {
                errors.add(FieldError.of("scripts.onChange." + field, "field", MessageKey.FORM_SCRIPT_FIELD, field));
            }
            checkTarget("scripts.onChange." + field, target, errors);
        });
        if (timeLimitSeconds != null && (timeLimitSeconds < 1 || timeLimitSeconds > MAX_TIME_LIMIT_SECONDS)) {
            errors.add(FieldError.of("scripts.timeLimitSeconds", "range", MessageKey.FORM_SCRIPT_TIME,
                    timeLimitSeconds));
        }
        return errors;
    }

    private static void checkTarget(String at, String target, List<FieldError> errors) {
        if (target == null) {
            return;
        }
        try {
            ScriptTarget.parse(target);
        } catch (Refusal e) {
            errors.add(FieldError.of(at, "script", MessageKey.SCRIPT_TARGET_FORMAT, target));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
