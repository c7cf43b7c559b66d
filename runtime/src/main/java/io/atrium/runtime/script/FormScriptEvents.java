package io.atrium.runtime.script;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.ItemValidator;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormScripts;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemJson;
import io.atrium.platform.item.PlainValues;
import io.atrium.platform.script.ScriptTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Runs a form's event scripts ({@link FormScripts}) for whoever uses the form: when it opens,
 * when a field changes and before it saves. Each function gets
 * {@code {event, app, creating, field, values, item}} and may answer {@code {values, message}}:
 * values to put on the form (or write with the save), a message to show. {@code refuse(field,
 * message)} stops a save with that message on the field. The form's own save writes the item,
 * with the same checks as the API; the values a script answers are checked the same way.
 */
@Service
public class FormScriptEvents {

    /** What an event script answered, ready for the form to show. */
    public record Outcome(Map<String, Object> values, String message, List<FieldError> errors, String failure) {

        static final Outcome NOTHING = new Outcome(Map.of(), null, List.of(), null);

        /** Whether a save may go on: nothing refused and nothing failed. */
        public boolean allowsSave() {
            return errors.isEmpty() && failure == null;
        }
    }

    private final Scripts scripts;
    private final ItemValidator validator = new ItemValidator();

    public FormScriptEvents(Scripts scripts) {
        this.scripts = scripts;
    }

    /** Whether the form runs a script when the field changes. */
    public boolean watches(FormDefinition form, String field) {
        return form.scripts().onChange().containsKey(field);
    }

    /** The form opens: {@code item} is null while creating; {@code values} are those on the form. */
    public Outcome load(Actor actor, AppDefinition app, FormDefinition form, Item item, Map<String, ?> values) {
        return run("load", form.scripts().onLoad(), null, actor, app, form, item, values);
    }

    /** A field changed to what {@code values} now hold. */
    public Outcome change(Actor actor, AppDefinition app, FormDefinition form, Item item, String field,
            Map<String, ?> values) {
        return run("change", form.scripts().onChange().get(field), field, actor, app, form, item, values);
    }

    /**
     * The form is about to save {@code values}. A refusal or a failure stops the save; values
     * the script answers are written with it.
     */
    public Outcome beforeSave(Actor actor, AppDefinition app, FormDefinition form, Item item, Map<String, ?> values) {
        return run("save", form.scripts().beforeSave(), null, actor, app, form, item, values);
    }

    private Outcome run(String event, String script, String field, Actor actor, AppDefinition app,
            FormDefinition form, Item item, Map<String, ?> values) {
        if (script == null) {
            return Outcome.NOTHING;
        }
        ScriptTarget target;
        try {
            target = ScriptTarget.parse(script);
        } catch (IllegalArgumentException e) {
            return new Outcome(Map.of(), null, List.of(), e.getMessage());
        }
        var limits = form.scripts().timeLimitSeconds() == null ? scripts.defaults()
                : scripts.defaults().withTime(Duration.ofSeconds(form.scripts().timeLimitSeconds()));
        var call = ScriptCall.of("form", actor, limits, target.toString()).forItem(app.ref(), item);
        var input = SdkAnswers.JSON.createObjectNode();
        input.put("event", event);
        input.put("app", app.ref().toString());
        input.put("form", form.ref().purpose().name().toLowerCase(java.util.Locale.ROOT));
        input.put("creating", item == null);
        input.put("field", field);
        input.set("values", SdkAnswers.JSON.valueToTree(PlainValues.of(values)));
        input.set("item", item == null ? null : SdkAnswers.JSON.valueToTree(ItemJson.write(item)));
        JsonNode answer;
        try {
            answer = scripts.run(target, input, call).value();
        } catch (ScriptFailure e) {
            if (e.kind() == ScriptFailure.Kind.REFUSED) {
                String at = e.field() != null && app.field(e.field()).isPresent() ? e.field() : "";
                return new Outcome(Map.of(), null, List.of(new FieldError(at, "script", e.getMessage())), null);
            }
            return new Outcome(Map.of(), null, List.of(), e.getMessage());
        }
        return read(answer, app);
    }

    /** {@code {values, message}}, or nothing; values are brought to each field's stored form. */
    private Outcome read(JsonNode answer, AppDefinition app) {
        if (answer == null || answer.isNull() || answer.isMissingNode()) {
            return Outcome.NOTHING;
        }
        if (!answer.isObject()) {
            return new Outcome(Map.of(), null, List.of(), "A form script answers an object {values, message}, "
                    + "not " + answer.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String message = answer.path("message").isString() ? answer.path("message").asString().strip() : null;
        if (message != null && message.length() > 500) {
            message = message.substring(0, 500) + "…";
        }
        var values = new LinkedHashMap<String, Object>();
        var errors = new ArrayList<FieldError>();
        JsonNode given = answer.path("values");
        if (given.isObject()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = SdkAnswers.JSON.convertValue(given, Map.class);
            raw.forEach((code, value) -> app.field(code).ifPresentOrElse(
                    definition -> normalize(definition, value, values, errors),
                    () -> errors.add(FieldError.of(code, "unknown", MessageKey.APP_FIELD_UNKNOWN,
                            app.ref().toString(), code))));
        }
        return new Outcome(values, message == null || message.isEmpty() ? null : message, List.copyOf(errors),
                null);
    }

    private void normalize(FieldDefinition field, Object raw, Map<String, Object> into, List<FieldError> errors) {
        try {
            if (raw == null) {
                into.put(field.code(), null);
            } else if (field.multiple() && raw instanceof List<?> list) {
                into.put(field.code(), list.stream().map(v -> validator.filterValue(field, v)).toList());
            } else {
                into.put(field.code(), validator.filterValue(field, raw));
            }
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
    }
}
