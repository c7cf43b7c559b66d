package io.atrium.platform.app;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Checks that an app definition is complete and consistent before it is published. */
public final class DefinitionValidator {

    private static final Pattern FIELD_CODE = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");
    private static final Set<FieldType> UNIQUE = EnumSet.of(FieldType.STRING, FieldType.NUMBER, FieldType.EMAIL,
            FieldType.PHONE, FieldType.DATE, FieldType.DATE_TIME, FieldType.USER, FieldType.REFERENCE);

    private final FieldValues values = new FieldValues();

    /**
     * @param appExists whether a referenced app exists (published), for REFERENCE targets
     * @return every problem found; empty when the definition can be published
     */
    public List<FieldError> validate(AppDefinition app, Predicate<AppRef> appExists) {
        var errors = new ArrayList<FieldError>();
        if (app.name().isBlank()) {
            errors.add(FieldError.of("", "name", MessageKey.APP_NAME_REQUIRED));
        }
        if (app.fields().isEmpty()) {
            errors.add(FieldError.of("", "fields", MessageKey.APP_FIELDS_REQUIRED));
        }
        checkFields(app.fields(), "", appExists, false, errors);
        return errors;
    }

    private void checkFields(List<FieldDefinition> fields, String prefix, Predicate<AppRef> appExists,
            boolean inTable, List<FieldError> errors) {
        var codes = new HashSet<String>();
        for (FieldDefinition field : fields) {
            String path = prefix + field.code();
            if (field.code() == null || !FIELD_CODE.matcher(field.code()).matches()) {
                errors.add(FieldError.of(path, "code", MessageKey.FIELD_CODE_FORMAT));
                continue;
            }
            if (!codes.add(field.code())) {
                errors.add(FieldError.of(path, "duplicate", MessageKey.FIELD_CODE_DUPLICATE, field.code()));
            }
            if (ItemValidator.SYSTEM_FIELDS.contains(field.code())) {
                errors.add(FieldError.of(path, "reserved", MessageKey.FIELD_CODE_RESERVED, field.code()));
            }
            if (field.type() == null) {
                errors.add(FieldError.of(path, "type", MessageKey.FIELD_TYPE_REQUIRED));
                continue;
            }
            checkType(field, path, appExists, inTable, errors);
            if (field.multiple() && !field.type().allowsMultiple()) {
                errors.add(FieldError.of(path, "multiple", MessageKey.FIELD_MULTIPLE_TYPE));
            }
            if (field.unique() && (!UNIQUE.contains(field.type()) || field.multiple() || inTable)) {
                errors.add(FieldError.of(path, "unique", MessageKey.FIELD_UNIQUE_TYPE,
                        field.type().name().toLowerCase(java.util.Locale.ROOT)));
            }
            if (field.maxLength() != null && (field.maxLength() < 1
                    || !EnumSet.of(FieldType.STRING, FieldType.TEXT).contains(field.type()))) {
                errors.add(FieldError.of(path, "maxLength", MessageKey.FIELD_MAX_LENGTH_TYPE));
            }
            if (field.defaultValue() != null) {
                var defaultErrors = new ArrayList<FieldError>();
                values.normalize(field, field.defaultValue(), path, defaultErrors);
                defaultErrors.forEach(e -> errors.add(FieldError.of(path, "default",
                        MessageKey.FIELD_DEFAULT_INVALID, e)));
            }
        }
    }

    private void checkType(FieldDefinition field, String path, Predicate<AppRef> appExists, boolean inTable,
            List<FieldError> errors) {
        switch (field.type()) {
            case CHOICE -> checkOptions(field.options(), path, "options", errors);
            case REFERENCE -> {
                if (field.target() == null) {
                    errors.add(FieldError.of(path, "target", MessageKey.REFERENCE_TARGET_REQUIRED));
                } else if (!appExists.test(field.target())) {
                    errors.add(FieldError.of(path, "target", MessageKey.REFERENCE_TARGET_MISSING, field.target().toString()));
                }
            }
            case STATUS -> checkStatus(field.status(), path, errors);
            case FILE -> {
                if (inTable) {
                    errors.add(FieldError.of(path, "type", MessageKey.TABLE_FILE_COLUMN));
                }
            }
            case TABLE -> {
                if (inTable) {
                    errors.add(FieldError.of(path, "type", MessageKey.TABLE_NESTED));
                } else if (field.columns().isEmpty()) {
                    errors.add(FieldError.of(path, "columns", MessageKey.TABLE_COLUMNS_REQUIRED));
                } else {
                    checkFields(field.columns(), path + ".", appExists, true, errors);
                }
            }
            default -> {
            }
        }
    }

    private static void checkOptions(List<FieldDefinition.ChoiceOption> options, String path, String what,
            List<FieldError> errors) {
        if (options.isEmpty()) {
            errors.add(FieldError.of(path, what, MessageKey.OPTIONS_REQUIRED));
        }
        var seen = new HashSet<String>();
        for (var option : options) {
            if (option.code() == null || option.code().isBlank()) {
                errors.add(FieldError.of(path, what, MessageKey.OPTION_CODE_REQUIRED));
            } else if (!seen.add(option.code())) {
                errors.add(FieldError.of(path, what, MessageKey.OPTION_DUPLICATE, option.code()));
            }
        }
    }

    private static void checkStatus(FieldDefinition.StatusModel status, String path, List<FieldError> errors) {
        if (status == null) {
            errors.add(FieldError.of(path, "states", MessageKey.STATES_REQUIRED));
            return;
        }
        checkOptions(status.states(), path, "states", errors);
        Set<String> known = new HashSet<>();
        status.states().forEach(s -> known.add(s.code()));
        if (status.initial() == null || !known.contains(status.initial())) {
            errors.add(FieldError.of(path, "initial", MessageKey.INITIAL_STATE_UNKNOWN));
        }
        for (Map.Entry<String, List<String>> move : status.transitions().entrySet()) {
            if (!known.contains(move.getKey())) {
                errors.add(FieldError.of(path, "transitions", MessageKey.STATE_UNKNOWN, move.getKey()));
            }
            for (String to : move.getValue()) {
                if (!known.contains(to)) {
                    errors.add(FieldError.of(path, "transitions", MessageKey.STATE_UNKNOWN, to));
                }
            }
        }
    }
}
