package io.atrium.platform.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks item values against an app's fields and turns them into their stored form. Every
 * problem is reported at once; unknown fields are refused, never stored.
 *
 * <p>The same rules serve the REST API, the UI and scripts, so a value one accepts the others accept.
 */
public final class ItemValidator {

    /** Fields the platform keeps on every item; callers cannot write them. */
    public static final Set<String> SYSTEM_FIELDS = Set.of("id", "version", "createdAt", "createdBy", "updatedAt",
            "updatedBy", "deleted", "appVersion");

    private final FieldValues values = new FieldValues();

    /**
     * Validates a new item: required fields must be given (or have a default); defaults and a
     * status's initial state are filled in.
     *
     * @return the values to store, keyed by field code
     * @throws ValidationException listing every wrong field
     */
    public Map<String, Object> forCreate(AppDefinition app, Map<String, ?> input) {
        var errors = new ArrayList<FieldError>();
        rejectUnknown(app, input, errors);
        var stored = new LinkedHashMap<String, Object>();
        for (FieldDefinition field : app.fields()) {
            Object raw = input.get(field.code());
            if (raw == null && field.defaultValue() != null) {
                raw = field.defaultValue();
            }
            if (field.type() == FieldType.STATUS && field.status() != null && field.status().initial() != null) {
                if (!isEmpty(raw) && !field.status().initial().equals(raw)) {
                    errors.add(FieldError.of(field.code(), "transition", MessageKey.STATUS_INITIAL,
                            field.status().initial()));
                    continue;
                }
                raw = field.status().initial();
            }
            if (isEmpty(raw)) {
                if (field.required()) {
                    errors.add(FieldError.of(field.code(), "required", MessageKey.VALUE_REQUIRED));
                }
                continue;
            }
            values.normalize(field, raw, field.code(), errors).ifPresent(v -> stored.put(field.code(), v));
        }
        throwIfAny(errors);
        return stored;
    }

    /**
     * Validates a partial update: only the given fields are checked; {@code null} clears a
     * field unless it is required; read-only fields and illegal status moves are refused.
     *
     * @param current the item's stored values, for status transitions
     * @return the changes to store; a {@code null} value means "clear this field"
     */
    public Map<String, Object> forUpdate(AppDefinition app, Map<String, ?> changes, Map<String, ?> current) {
        var errors = new ArrayList<FieldError>();
        rejectUnknown(app, changes, errors);
        var stored = new LinkedHashMap<String, Object>();
        for (var entry : changes.entrySet()) {
            var field = app.field(entry.getKey()).orElse(null);
            if (field == null) {
                continue; // reported as unknown above
            }
            if (field.readOnly()) {
                errors.add(FieldError.of(field.code(), "readOnly", MessageKey.FIELD_READ_ONLY));
                continue;
            }
            Object raw = entry.getValue();
            if (isEmpty(raw) && field.type() == FieldType.STATUS) {
                errors.add(FieldError.of(field.code(), "transition", MessageKey.STATUS_CLEARED));
                continue;
            }
            if (isEmpty(raw)) {
                if (field.required()) {
                    errors.add(FieldError.of(field.code(), "required", MessageKey.VALUE_REQUIRED));
                } else {
                    stored.put(field.code(), null);
                }
                continue;
            }
            var normalized = values.normalize(field, raw, field.code(), errors);
            if (normalized.isEmpty()) {
                continue;
            }
            String from = field.type() == FieldType.STATUS ? stateOf(field, current) : null;
            if (from != null && !field.status().allows(from, (String) normalized.get())) {
                errors.add(FieldError.of(field.code(), "transition",
                        MessageKey.STATUS_TRANSITION, from, normalized.get()));
                continue;
            }
            stored.put(field.code(), normalized.get());
        }
        throwIfAny(errors);
        return stored;
    }

    /**
     * Converts a value given in a filter to the field's stored form; for list fields, one element.
     *
     * @throws ValidationException if the value does not fit the field
     */
    public Object filterValue(FieldDefinition field, Object raw) {
        var single = field.multiple() ? new FieldDefinition(field.code(), field.type(), field.name(), false, false,
                false, false, null, false, field.options(), field.target(), field.status(), field.columns(),
                null) : field;
        var errors = new ArrayList<FieldError>();
        var value = values.normalize(single, raw, field.code(), errors);
        throwIfAny(errors);
        return value.orElseThrow();
    }

    /** The stored state, or the initial one for items written before the field had a status. */
    private static String stateOf(FieldDefinition field, Map<String, ?> current) {
        return current.get(field.code()) instanceof String stored ? stored
                : field.status() == null ? null : field.status().initial();
    }

    static void rejectUnknown(AppDefinition app, Map<String, ?> input, List<FieldError> errors) {
        for (String key : input.keySet()) {
            if (app.field(key).isEmpty()) {
                errors.add(SYSTEM_FIELDS.contains(key) ? FieldError.of(key, "unknown", MessageKey.FIELD_SYSTEM, key)
                        : FieldError.of(key, "unknown", MessageKey.APP_FIELD_UNKNOWN, app.ref().toString(), key));
            }
        }
    }

    static boolean isEmpty(Object raw) {
        return raw == null || (raw instanceof String s && s.isBlank()) || (raw instanceof List<?> l && l.isEmpty());
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
