package io.atrium.platform.form;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.form.internal.Feel;
import io.atrium.platform.form.internal.FormJsReader;
import io.atrium.platform.form.internal.FormJsWriter;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Camunda Forms (form-js) schemas in and out. What both sides know is carried over: the schema's
 * id, field inputs and which widget shows them, groups, texts, rows of columns, required and
 * read-only flags, hints, the field's own rules (length limit, e-mail format) and default, option
 * labels, and conditions that FEEL can say. Everything else is listed, never dropped silently, in
 * the language asked for: tabs become groups, related lists and action buttons stay behind, rules,
 * defaults and options a schema sets apart from the field, display properties Atrium has no
 * counterpart for, inputs bound to a field of another type, and components Atrium does not have.
 */
public final class FormJs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FormJs() {
    }

    /** A schema written from a form, and what it could not carry. */
    public record Export(String schema, List<String> notCarried) {
    }

    /** A form read from a schema, and what it did not take. */
    public record Import(FormDefinition form, List<String> notCarried) {
    }

    /**
     * The condition as a FEEL expression (without the leading {@code =}), e.g. for showing it.
     *
     * @throws IllegalArgumentException for conditions FEEL cannot say (on the viewer's role)
     */
    public static String expression(Condition condition) {
        return Feel.write(condition);
    }

    /**
     * Writes a form as a form-js schema; labels and the not-carried list in the given language. The
     * schema's id is the one the form was imported with, else {@code <app>_<purpose>}.
     */
    public static Export write(FormDefinition form, AppDefinition app, Locale locale) {
        var writer = new FormJsWriter(app, locale);
        String schema = writer.write(form);
        return new Export(schema, writer.notCarried());
    }

    /**
     * Reads a form-js schema as a form of the app; labels and the not-carried list in the given
     * language. The schema's id is kept on the form for the way back.
     *
     * @throws ValidationException if the text is not a form-js schema at all
     */
    public static Import read(String schema, FormRef ref, AppDefinition app, Locale locale) {
        JsonNode root;
        try {
            root = JSON.readTree(schema);
        } catch (JacksonException e) {
            throw new ValidationException(List.of(FieldError.of("schema", "json", MessageKey.JSON_INVALID,
                    e.getOriginalMessage())));
        }
        if (root == null || !root.isObject() || !root.path("components").isArray()) {
            throw new ValidationException(List.of(FieldError.of("schema", "format",
                    MessageKey.FORM_SCHEMA_FORMAT)));
        }
        var reader = new FormJsReader(app, locale);
        var form = reader.read(root, ref);
        return new Import(form, reader.notCarried());
    }
}
