package io.atrium.platform.app;

import java.util.List;
import java.util.Optional;

/**
 * What an app is: its name and fields. A draft and every published version are each one of these.
 *
 * @param ref    workspace and code
 * @param name   label shown to people
 * @param fields in the order analysts arranged them
 */
public record AppDefinition(AppRef ref, LocalizedText name, List<FieldDefinition> fields) {

    public AppDefinition {
        name = name == null ? LocalizedText.of(ref.code()) : name;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Optional<FieldDefinition> field(String code) {
        return fields.stream().filter(f -> f.code().equals(code)).findFirst();
    }
}
