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
            errors.add(new FieldError("", "name", "the app needs a name in English or Russian"));
        }
        if (app.fields().isEmpty()) {
            errors.add(new FieldError("", "fields", "the app needs at least one field"));
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
                errors.add(new FieldError(path, "code", "a field code is a lower camel case name of 1 to 40 letters"
                        + " and digits, e.g. firstName"));
                continue;
            }
            if (!codes.add(field.code())) {
                errors.add(new FieldError(path, "duplicate", "the code '" + field.code() + "' is used twice"));
            }
            if (ItemValidator.SYSTEM_FIELDS.contains(field.code())) {
                errors.add(new FieldError(path, "reserved", "'" + field.code() + "' is kept by the platform"));
            }
            if (field.type() == null) {
                errors.add(new FieldError(path, "type", "the field needs a type"));
                continue;
            }
            checkType(field, path, appExists, inTable, errors);
            if (field.multiple() && !field.type().allowsMultiple()) {
                errors.add(new FieldError(path, "multiple", "only choice, reference, user and file fields hold lists"));
            }
            if (field.unique() && (!UNIQUE.contains(field.type()) || field.multiple() || inTable)) {
                errors.add(new FieldError(path, "unique", "a " + field.type().name().toLowerCase()
                        + " field cannot be unique"));
            }
            if (field.maxLength() != null && (field.maxLength() < 1
                    || !EnumSet.of(FieldType.STRING, FieldType.TEXT).contains(field.type()))) {
                errors.add(new FieldError(path, "maxLength", "a positive maximum length applies to text fields only"));
            }
            if (field.defaultValue() != null) {
                var defaultErrors = new ArrayList<FieldError>();
                values.normalize(field, field.defaultValue(), path, defaultErrors);
                defaultErrors.forEach(e -> errors.add(new FieldError(path, "default",
                        "the default value is not valid: " + e.message())));
            }
        }
    }

    private void checkType(FieldDefinition field, String path, Predicate<AppRef> appExists, boolean inTable,
            List<FieldError> errors) {
        switch (field.type()) {
            case CHOICE -> checkOptions(field.options(), path, "options", errors);
            case REFERENCE -> {
                if (field.target() == null) {
                    errors.add(new FieldError(path, "target", "a reference needs the app it points to"));
                } else if (!appExists.test(field.target())) {
                    errors.add(new FieldError(path, "target", "the app " + field.target() + " does not exist"));
                }
            }
            case STATUS -> checkStatus(field.status(), path, errors);
            case FILE -> {
                if (inTable) {
                    errors.add(new FieldError(path, "type", "files cannot be kept in table rows; "
                            + "add a file field to the app instead"));
                }
            }
            case TABLE -> {
                if (inTable) {
                    errors.add(new FieldError(path, "type", "a table cannot hold another table"));
                } else if (field.columns().isEmpty()) {
                    errors.add(new FieldError(path, "columns", "a table needs at least one column"));
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
            errors.add(new FieldError(path, what, "at least one value is needed"));
        }
        var seen = new HashSet<String>();
        for (var option : options) {
            if (option.code() == null || option.code().isBlank()) {
                errors.add(new FieldError(path, what, "every value needs a code"));
            } else if (!seen.add(option.code())) {
                errors.add(new FieldError(path, what, "the value '" + option.code() + "' is listed twice"));
            }
        }
    }

    private static void checkStatus(FieldDefinition.StatusModel status, String path, List<FieldError> errors) {
        if (status == null) {
            errors.add(new FieldError(path, "states", "a status needs its states"));
            return;
        }
        checkOptions(status.states(), path, "states", errors);
        Set<String> known = new HashSet<>();
        status.states().forEach(s -> known.add(s.code()));
        if (status.initial() == null || !known.contains(status.initial())) {
            errors.add(new FieldError(path, "initial", "the initial state must be one of the states"));
        }
        for (Map.Entry<String, List<String>> move : status.transitions().entrySet()) {
            if (!known.contains(move.getKey())) {
                errors.add(new FieldError(path, "transitions", "'" + move.getKey() + "' is not a state"));
            }
            for (String to : move.getValue()) {
                if (!known.contains(to)) {
                    errors.add(new FieldError(path, "transitions", "'" + to + "' is not a state"));
                }
            }
        }
    }
}
