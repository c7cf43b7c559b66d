package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A field of an app definition; only the properties its type uses are written. Not named "Field":
 * that is the form element placing a field.
 */
@Schema(name = "FieldDefinition",
        description = "A field of an app. Properties other than these are refused with their path")
public record FieldDoc(
        @Schema(description = "Lower-case identifier, the key of the value in items", example = "stage") String code,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"string", "text", "number", "money",
                "date", "date-time", "boolean", "choice", "user", "reference", "file", "phone", "email", "status",
                "table"}, example = "choice") String type,
        LocalizedNameDoc name,
        Boolean required,
        Boolean unique,
        Boolean indexed,
        Boolean readOnly,
        @Schema(description = "The value of a new item", name = "default") Object defaultValue,
        @Schema(description = "Several values (choice, user, reference, file)") Boolean multiple,
        @Schema(description = "For choice: the values; a plain code is also accepted") List<ChoiceOptionDoc> options,
        @Schema(description = "For reference: the app referred to, namespace.code", example = "crm.companies")
        String target,
        @Schema(description = "For status: the states") List<ChoiceOptionDoc> states,
        @Schema(description = "For status: the state of a new item", example = "new") String initial,
        @Schema(description = "For status: state to the states it may move to",
                example = "{\"new\": [\"won\", \"lost\"]}") Map<String, List<String>> transitions,
        @Schema(description = "For table: the columns, fields themselves") List<FieldDoc> columns,
        @Schema(description = "For string and text: the longest value", example = "200") Integer maxLength) {

    /** A value of a choice or a state of a status. */
    @Schema(name = "ChoiceOption")
    public record ChoiceOptionDoc(
            @Schema(example = "won") String code,
            LocalizedNameDoc name) {
    }
}
