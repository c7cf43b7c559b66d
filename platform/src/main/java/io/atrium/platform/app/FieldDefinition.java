package io.atrium.platform.app;

import java.util.List;

/**
 * One field of an app.
 *
 * @param code         identifier in the API and in storage: a lower camel case name
 * @param type         what values it holds
 * @param name         label shown to people
 * @param required     a value must be given
 * @param unique       no two items may hold the same value
 * @param indexed      searched often: the store keeps an index for it
 * @param readOnly     set on create (or by default), never changed by an update
 * @param defaultValue used on create when no value is given; must be valid for the field
 * @param multiple     CHOICE, REFERENCE, USER, FILE: a list of values instead of one
 * @param options      CHOICE: the allowed values
 * @param target       REFERENCE: the app whose items it points to
 * @param status       STATUS: states and transitions
 * @param columns      TABLE: the fields of each row (no nested tables)
 * @param maxLength    STRING and TEXT: the longest value accepted
 */
public record FieldDefinition(
        String code,
        FieldType type,
        LocalizedText name,
        boolean required,
        boolean unique,
        boolean indexed,
        boolean readOnly,
        Object defaultValue,
        boolean multiple,
        List<ChoiceOption> options,
        AppRef target,
        StatusModel status,
        List<FieldDefinition> columns,
        Integer maxLength) {

    public FieldDefinition {
        name = name == null ? LocalizedText.of(code) : name;
        options = options == null ? List.of() : List.copyOf(options);
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** A plain field of a type with no flags set. */
    public static FieldDefinition of(String code, FieldType type) {
        return new FieldDefinition(code, type, null, false, false, false, false, null, false, null, null, null,
                null, null);
    }

    public FieldDefinition withRequired(boolean value) {
        return new FieldDefinition(code, type, name, value, unique, indexed, readOnly, defaultValue, multiple,
                options, target, status, columns, maxLength);
    }

    /** An allowed value of a CHOICE field and its label. */
    public record ChoiceOption(String code, LocalizedText name) {
    }

    /**
     * The states of a STATUS field: the initial state, and for each state the states it may
     * move to. A state with no entry in {@code transitions} is final.
     */
    public record StatusModel(List<ChoiceOption> states, String initial,
            java.util.Map<String, List<String>> transitions) {

        public StatusModel {
            states = states == null ? List.of() : List.copyOf(states);
            transitions = transitions == null ? java.util.Map.of() : java.util.Map.copyOf(transitions);
        }

        public boolean allows(String from, String to) {
            return from.equals(to) || transitions.getOrDefault(from, List.of()).contains(to);
        }
    }
}
